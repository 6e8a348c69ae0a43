import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ToolkitError } from '../../src/errors.js';
import { faultInjector, parseErrorRate, parseLatency } from '../../src/target/faults.js';
import { startTarget, targetOptionsFromSettings, type RunningTarget } from '../../src/target/index.js';

let t: RunningTarget;
beforeAll(async () => {
  t = await startTarget({ fastTimePort: 0, fastTestPort: 0, adminPassword: 'Right-Passw0rd' });
});
afterAll(() => t.close());

const host = () => new URL(t.url).host;
async function loginForm(password: string, origin: string | undefined, csrfOverride?: string, target: RunningTarget = t) {
  const page = await fetch(`${target.url}/admin/login`);
  const csrf = /mcpgateway_csrf_token=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')![1]!;
  const body = new URLSearchParams({ email: target.adminEmail, password, csrf_token: csrfOverride ?? csrf });
  return fetch(`${target.url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `mcpgateway_csrf_token=${csrf}`, ...(origin && { origin }) },
    body,
  });
}

describe('admin UI', () => {
  it('form login with the CSRF cookie and an Origin; the session cookie opens pages and HTMX partials', async () => {
    const ok = await loginForm('Right-Passw0rd', `http://${host()}`);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/admin');
    const session = /jwt_token=([^;]+)/.exec(ok.headers.get('set-cookie') ?? '')![1]!;
    const cookie = `jwt_token=${session}`;
    // /admin/tools is JSON (the UI's fetch()): a cookie counts only for a request from an admin page.
    const fromPage = await fetch(`${t.url}/admin/tools`, { headers: { cookie, accept: 'application/json', referer: `${t.url}/admin/` } });
    expect(fromPage.status).toBe(200);
    expect(((await fromPage.json()) as { data: { name: string }[] }).data.map((x) => x.name)).toContain('gw-health');
    const bare = await fetch(`${t.url}/admin/tools`, { headers: { cookie, accept: 'application/json' } });
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ detail: 'Cookie authentication not allowed for API requests. Use Authorization header.' });
    const partial = await fetch(`${t.url}/admin/tools/partial?page=1`, { headers: { cookie, 'hx-request': 'true' } });
    expect(partial.status).toBe(200);
    expect(partial.headers.get('hx-redirect')).toBeNull();
    expect(await partial.text()).toMatch(/<td[^>]*>gw-health<\/td>/);
  });

  it('refuses a missing Origin or a wrong CSRF token (403) and a wrong password (back to the form)', async () => {
    expect((await loginForm('Right-Passw0rd', undefined)).status).toBe(403);
    expect((await loginForm('Right-Passw0rd', `http://${host()}`, 'forged')).status).toBe(403);
    const wrong = await loginForm('wrong', `http://${host()}`);
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe(`/admin/login?error=invalid_credentials&email=${encodeURIComponent(t.adminEmail)}`);
  });

  it('logged out: a page redirects to the login, an API call is 401, an HTMX request gets HX-Redirect in a 200', async () => {
    const page = await fetch(`${t.url}/admin/servers`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/admin/login');
    const api = await fetch(`${t.url}/admin/servers`, { redirect: 'manual' });
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ detail: 'Authentication required' });
    const htmx = await fetch(`${t.url}/admin/servers/partial`, { headers: { 'hx-request': 'true' } });
    expect(htmx.status).toBe(200);
    expect(htmx.headers.get('hx-redirect')).toBe('/admin/login');
  });
});

describe('admin login cost (the gateway settings ARGON2ID_MEMORY_COST, FAILED_LOGIN_MIN_RESPONSE_MS)', () => {
  /** CPU this process spent (the hash runs in libuv's thread pool, which process.cpuUsage counts) on one login. */
  async function loginCpuMs(target: RunningTarget, password: string): Promise<number> {
    await fetch(`${target.url}/admin/login`).then((r) => r.text()); // starts the stored hash; let it finish first
    await loginForm('warm-up', `http://${new URL(target.url).host}`, undefined, target);
    const before = process.cpuUsage();
    const answer = await loginForm(password, `http://${new URL(target.url).host}`, undefined, target);
    expect(answer.status).toBe(303);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  }

  it('a login hashes over 64 MiB by default; ARGON2ID_MEMORY_COST=1024 makes it a fraction of that', async () => {
    const realistic = await startTarget({ adminPassword: 'Right-Passw0rd', adminFailedLoginMinMs: 0, fastTimePort: null, fastTestPort: null });
    const cheap = await startTarget({ ...targetOptionsFromSettings({ ARGON2ID_MEMORY_COST: '1024', FAILED_LOGIN_MIN_RESPONSE_MS: '0' }), adminPassword: 'Right-Passw0rd', fastTimePort: null, fastTestPort: null });
    try {
      const heavy = await loginCpuMs(realistic, 'Right-Passw0rd');
      const light = await loginCpuMs(cheap, 'Right-Passw0rd');
      // scrypt over 64 MiB: ~150 ms of CPU on the project machine; over 1 MiB: ~2 ms.
      expect(heavy).toBeGreaterThan(40);
      expect(light).toBeLessThan(heavy / 4);
    } finally {
      await Promise.all([realistic.close(), cheap.close()]);
    }
  });

  it('a failed login is answered no sooner than FAILED_LOGIN_MIN_RESPONSE_MS', async () => {
    const target = await startTarget({ ...targetOptionsFromSettings({ ARGON2ID_MEMORY_COST: '64', FAILED_LOGIN_MIN_RESPONSE_MS: '600' }), fastTimePort: null, fastTestPort: null });
    try {
      const started = performance.now();
      const answer = await loginForm('wrong', `http://${new URL(target.url).host}`, undefined, target);
      expect(performance.now() - started).toBeGreaterThanOrEqual(595);
      expect(answer.headers.get('location')).toMatch(/^\/admin\/login\?error=invalid_credentials&email=/);
    } finally {
      await target.close();
    }
  });

  it('refuses values the stand-in cannot model, naming the setting', () => {
    for (const bad of ['7', '1.5', 'lots']) {
      expect(() => targetOptionsFromSettings({ ARGON2ID_MEMORY_COST: bad })).toThrow(expect.objectContaining({ code: 'TARGET_BAD_SETTING', message: expect.stringContaining('ARGON2ID_MEMORY_COST') }));
    }
    expect(() => targetOptionsFromSettings({ FAILED_LOGIN_MIN_RESPONSE_MS: '-1' })).toThrow(expect.objectContaining({ code: 'TARGET_BAD_SETTING' }));
    expect(targetOptionsFromSettings({ ARGON2ID_MEMORY_COST: '65536', FAILED_LOGIN_MIN_RESPONSE_MS: '250' })).toEqual({ adminLoginHashKiB: 65536, adminFailedLoginMinMs: 250 });
  });
});

describe('MCP test servers', () => {
  const call = (url: string, method: string, params: object = {}) =>
    fetch(`${url}/http`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) }).then((r) => r.json() as Promise<any>); // eslint-disable-line @typescript-eslint/no-explicit-any

  it('fast-time: time API, MCP get_system_time, health', async () => {
    expect(await (await fetch(`${t.fastTimeUrl}/api/v1/time?timezone=Europe/Paris`)).json() as object).toMatchObject({ timezone: 'Europe/Paris' });
    expect((await call(t.fastTimeUrl, 'tools/call', { name: 'get_system_time', arguments: { timezone: 'UTC' } })).result.content[0].text).toMatch(/UTC$/);
    expect((await fetch(`${t.fastTimeUrl}/health`)).status).toBe(200);
  });

  it('fast-test: echo, get_stats, tools/list', async () => {
    expect((await call(t.fastTestUrl, 'tools/call', { name: 'echo', arguments: { message: 'ping' } })).result.content[0].text).toBe('ping');
    expect(JSON.parse((await call(t.fastTestUrl, 'tools/call', { name: 'get_stats' })).result.content[0].text)).toHaveProperty('calls');
    expect((await call(t.fastTestUrl, 'tools/list')).result.tools.map((x: { name: string }) => x.name)).toEqual(['echo', 'get_system_time', 'get_stats']);
  });
});

describe('fault injection', () => {
  it('parses latency specs and error rates, and names what is wrong', () => {
    expect(parseLatency('uniform:5-50')).toEqual({ kind: 'uniform', minMs: 5, maxMs: 50 });
    expect(parseLatency('normal:100,20')).toEqual({ kind: 'normal', meanMs: 100, sdMs: 20 });
    expect(parseErrorRate('5%')).toBe(0.05);
    for (const bad of ['gauss:1', 'fixed:', 'uniform:a-b']) expect(() => parseLatency(bad)).toThrow(expect.objectContaining({ code: 'TARGET_BAD_FAULT' }));
    expect(() => parseErrorRate('1.5')).toThrow(ToolkitError);
  });

  it('is reproducible for a seed and matches routes with *', () => {
    const decide = (seed: number) => faultInjector([{ route: 'MCP *', errorRate: 0.3 }], seed);
    const a = decide(3);
    const b = decide(3);
    const sequenceA = Array.from({ length: 200 }, () => a('MCP tools/call').fail);
    expect(Array.from({ length: 200 }, () => b('MCP tools/call').fail)).toEqual(sequenceA);
    expect(sequenceA.filter(Boolean).length).toBeGreaterThan(30);
    expect(sequenceA.filter(Boolean).length).toBeLessThan(90);
    expect(a('GET /tools')).toEqual({ delayMs: 0, fail: false });
  });

  it('injected latency is measurable on the wire', async () => {
    const slow = await startTarget({ faults: [{ route: 'GET /health', latency: { kind: 'fixed', ms: 80 } }], fastTimePort: null, fastTestPort: null });
    try {
      const started = performance.now();
      await fetch(`${slow.url}/health`);
      expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    } finally {
      await slow.close();
    }
  });

  it('reaches the admin routes by their plan labels: HTMX partials, the JSON paths, the dashboard, the login POST', async () => {
    const faulty = await startTarget({
      faults: [{ route: 'HTMX /admin/*', errorRate: 1 }, { route: 'GET /admin/tools', errorRate: 1 }, { route: 'POST /admin/login', errorRate: 1 }, { route: 'GET /admin/', latency: { kind: 'fixed', ms: 80 } }],
      fastTimePort: null,
      fastTestPort: null,
    });
    try {
      const bearer = { authorization: `Bearer ${faulty.token}` };
      expect((await fetch(`${faulty.url}/admin/tools/partial?page=1`, { headers: { ...bearer, 'hx-request': 'true' } })).status).toBe(503);
      expect((await fetch(`${faulty.url}/admin/tools`, { headers: bearer })).status).toBe(503);
      expect((await fetch(`${faulty.url}/admin/servers`, { headers: bearer })).status).toBe(200);
      expect((await fetch(`${faulty.url}/admin/login`, { method: 'POST', body: '' })).status).toBe(503);
      const started = performance.now();
      expect((await fetch(`${faulty.url}/admin/`, { headers: { ...bearer, accept: 'text/html' } })).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    } finally {
      await faulty.close();
    }
  });

  it('refuses a non-loopback address and a bad server id', async () => {
    await expect(startTarget({ host: '0.0.0.0' })).rejects.toMatchObject({ code: 'TARGET_NOT_LOOPBACK' });
    await expect(startTarget({ serverId: 'nope' })).rejects.toMatchObject({ code: 'TARGET_BAD_SERVER_ID' });
  });
});

describe('jtl target (CLI)', () => {
  it('prints the URLs but never the token, keeps a generated token in a 0600 file, and stops on SIGTERM', async () => {
    // The target writes its generated secrets under TMPDIR: a folder of this test's, removed with it.
    const tmp = mkdtempSync(join(tmpdir(), 'jtl-test-target-cli-'));
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
    delete env.JMETER_TOKEN;
    delete env.MCPGATEWAY_BEARER_TOKEN;
    delete env.JMETER_ADMIN_PASSWORD;
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('../fixtures/runner/jtl-entry.ts', import.meta.url).pathname, 'target', '--port', '0', '--no-test-servers'], { env });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      // Ready, or dead, or 30 s: never a wait on a child that is gone.
      const ready = await Promise.race([
        new Promise<boolean>((resolve) => child.stdout.on('data', () => out.includes('Ctrl-C stops it.') && resolve(true))),
        exited.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000).unref()),
      ]);
      expect(ready, out).toBe(true);
      const tokenFile = /token\s+written to (\S+)/.exec(out)![1]!;
      expect(tokenFile.startsWith(tmp)).toBe(true);
      const token = readFileSync(tokenFile, 'utf8').trim();
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      expect(out).not.toContain(token);
      const url = /gateway\s+(\S+)/.exec(out)![1]!;
      expect((await fetch(`${url}/tools`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toMatch(/stopped after 1 requests/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
