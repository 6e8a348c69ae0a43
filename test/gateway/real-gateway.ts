import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';
import { expect } from 'vitest';

import { repoRoot } from '../jmx/jmeter-home.js';

/** A real ContextForge started by scripts/gateway.sh on free loopback ports, with its own state folder. */
export interface RealGateway {
  readonly url: string;
  readonly serverId: string;
  readonly tokenFile: string;
  readonly adminPasswordFile: string;
  readonly fastTimeUrl: string;
  readonly fastTestUrl: string;
  readonly state: string;
  /** Served over TLS (`startRealGateway({ tls: true })`): its self-signed certificate, PEM. */
  readonly certFile?: string;
  /** Restarts it with these settings on top of scripts/gateway/gateway.env ({} = the defaults). */
  restart(settings: Readonly<Record<string, string>>): Promise<void>;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/** `tls`: HTTPS/WSS with a self-signed certificate (scripts/gateway.sh with GATEWAY_TLS=1). */
export async function startRealGateway(options: { readonly tls?: boolean } = {}): Promise<RealGateway> {
  const state = mkdtempSync(join(tmpdir(), 'gateway-tier-'));
  const [port, fastTime, fastTest] = [await freePort(), await freePort(), await freePort()];
  const env = {
    GATEWAY_STATE: state,
    GATEWAY_PORT: String(port),
    GATEWAY_FAST_TIME_PORT: String(fastTime),
    GATEWAY_FAST_TEST_PORT: String(fastTest),
    ...(options.tls === true && { GATEWAY_TLS: '1' }),
  };
  const script = join(repoRoot, 'scripts', 'gateway.sh');
  const up = async (settings: Readonly<Record<string, string>>): Promise<void> => {
    const extra = join(state, 'extra.env');
    writeFileSync(extra, Object.entries(settings).map(([k, v]) => `${k}=${v}\n`).join(''));
    const r = await execa('bash', [script, 'up'], { env: { ...env, GATEWAY_EXTRA_ENV: extra }, reject: false, all: true, timeout: 840_000 });
    if (r.exitCode !== 0) throw new Error(`scripts/gateway.sh up failed (${r.exitCode}):\n${r.all}`);
  };
  const stop = async (): Promise<void> => {
    await execa('bash', [script, 'down', '--wipe'], { env, reject: false });
    rmSync(state, { recursive: true, force: true });
  };
  try {
    // scripts/gateway.sh starts the peers with bin/jtl.js and waits 30 s for them: a stale dist/ is rebuilt here first,
    // where nothing times out (tsc on a loaded machine takes longer than that).
    const build = await execa('node', [join(repoRoot, 'bin', 'jtl.js'), '--version'], { cwd: repoRoot, reject: false, all: true, timeout: 600_000 });
    if (build.exitCode !== 0) throw new Error(`bin/jtl.js could not rebuild dist/ (${build.exitCode}):\n${build.all}`);
    await up({});
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url: `${options.tls === true ? 'https' : 'http'}://127.0.0.1:${port}`,
    ...(options.tls === true && { certFile: join(state, 'tls-cert.pem') }),
    serverId: '5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b',
    tokenFile: join(state, 'token'),
    adminPasswordFile: join(state, 'admin-pass'),
    fastTimeUrl: `http://127.0.0.1:${fastTime}`,
    fastTestUrl: `http://127.0.0.1:${fastTest}`,
    state,
    restart: up,
    stop,
  };
}

/** One `jtl run` of a catalogue plan: its exit code and the figures of its summary.json. */
export interface TierRun {
  readonly name: string;
  readonly exitCode: number | undefined;
  readonly samples: number;
  readonly failed: number;
  readonly p95: number;
  readonly durationS: number;
  /** How long JMeter ran (summary.json durationMs). */
  readonly testMs: number;
  /** label → failed samples, with a response code/message, for the assertion message. */
  readonly failures: string;
  readonly output: string;
}

const NEEDS_SERVER_ID = new Set(['mcp_jsonrpc_baseline', 'load_test', 'sse_streaming_baseline', 'websocket_baseline']);

/** Runs a plan with the ci profile through the CLI, secrets from files and the environment only. */
export async function runTierPlan(g: RealGateway, name: string, plan: string, opts: readonly string[] = []): Promise<TierRun> {
  const out = mkdtempSync(join(tmpdir(), 'gateway-tier-run-'));
  try {
    const args = ['bin/jtl.js', 'run', plan, '--profile', 'ci', '--gateway-url', g.url, '--token-file', g.tokenFile, '--out', out];
    if (NEEDS_SERVER_ID.has(plan)) args.push('--server-id', g.serverId);
    if (plan === 'mcp_test_servers_baseline') args.push('-J', `FAST_TIME_URL=${g.fastTimeUrl}`, '-J', `FAST_TEST_URL=${g.fastTestUrl}`);
    const started = Date.now();
    const r = await execa('node', [...args, ...opts], {
      cwd: repoRoot,
      reject: false,
      all: true,
      timeout: 280_000,
      extendEnv: false,
      env: { ...withoutTokens(process.env), JMETER_ADMIN_PASSWORD: readFileSync(g.adminPasswordFile, 'utf8') },
    });
    const folder = readdirSync(out).find((f) => f.startsWith(`${plan}_`));
    const summary = folder === undefined ? undefined : JSON.parse(readFileSync(join(out, folder, 'summary.json'), 'utf8'));
    const total = summary?.analysis?.statistics?.Total;
    return {
      name,
      exitCode: r.exitCode,
      samples: summary?.analysis?.samples ?? 0,
      failed: summary?.analysis?.errors ?? -1,
      p95: total?.pct2ResTime ?? Number.NaN,
      durationS: Math.round((Date.now() - started) / 1000),
      testMs: summary?.durationMs ?? 0,
      failures: folder === undefined ? '' : failedLabels(readFileSync(join(out, folder, 'results.jtl'), 'utf8')),
      output: r.all ?? '',
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The caller's environment without a bearer token of its own: the run must use the gateway's token file. */
function withoutTokens(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { JMETER_TOKEN: _t, MCPGATEWAY_BEARER_TOKEN: _m, ...rest } = env;
  return rest;
}

/** The failing samples of a CSV JTL, by label, code and message (enough to diagnose from a CI log). */
function failedLabels(jtl: string): string {
  const [head = '', ...lines] = jtl.split('\n');
  const cols = head.split(',');
  const at = (name: string) => cols.indexOf(name);
  const counts = new Map<string, number>();
  for (const line of lines) {
    const f = line.split(',');
    if (f[at('success')] !== 'false') continue;
    const key = `${f[at('label')]} ${f[at('responseCode')]} ${f[at('responseMessage')]}`.slice(0, 160);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join('\n');
}

/** The per-plan table the README quotes. */
export function tierTable(runs: readonly TierRun[], date: string): string {
  const rows = runs.map((r) => `| ${r.name} | ${r.exitCode} | ${r.samples} | ${r.failed} | ${Number.isNaN(r.p95) ? '–' : Math.round(r.p95 * 10) / 10} | ${r.durationS} |`);
  return [`Real ContextForge, ci profile, ${date}:`, '', '| run | exit | samples | failed | p95 ms | s |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** A tier run must be clean: no failed sample, some samples, exit 0 (the output's tail in the messages). */
export function expectCleanRun(run: TierRun): void {
  expect(run.failures, `${run.name}: failed samples\n${run.output.slice(-3000)}`).toBe('');
  expect(run.failed).toBe(0);
  expect(run.samples).toBeGreaterThan(0);
  expect(run.exitCode, run.output.slice(-3000)).toBe(0);
}
