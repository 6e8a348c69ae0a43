import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { plansDir } from '../../src/plans/paths.js';
import { repoRoot } from '../jmx/jmeter-home.js';
import { runPlan } from './run-jmeter.js';

/**
 * The admin journey checks content, not only status codes: behind a server that logs the user in and then
 * answers every page with a 200 "maintenance" HTML page (a proxy's error page, a wrong route), the dashboard,
 * the partials and the JSON calls must fail. The journey itself passes against the real gateway
 * (npm run test:gateway) and the embedded target (real-run.test.ts).
 */
let server: http.Server;
let url: string;
let dir: string;
const paths: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      paths.push(`${req.method} ${req.url}`);
      if (req.url === '/v1/admin/login' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'mcpgateway_csrf_token=c5rf; Path=/' });
        return void res.end('<form></form>');
      }
      if (req.url === '/v1/admin/login') {
        res.writeHead(303, { location: '/admin', 'set-cookie': 'jwt_token=s3ss; HttpOnly; Path=/' });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>Down for maintenance</body></html>');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'plans-admin-'));
});

afterAll(async () => {
  await new Promise<void>((ok) => (server.closeAllConnections(), server.close(() => ok())));
  rmSync(dir, { recursive: true, force: true });
});

describe('admin_ui_baseline content checks', () => {
  it('fail the dashboard, the partials and the JSON calls on a 200 page without their content', async () => {
    const props = [`GATEWAY_URL=${url}`, 'ADMIN_PASSWORD=pw-for-admin-test', 'USERS=1', 'DURATION=1500', 'TIME_SCALE=0.01'];
    writeFileSync(join(dir, 'run.properties'), props.join('\n') + '\n', { mode: 0o600 });
    const run = await runPlan(join(plansDir(), 'admin_ui_baseline.jmx'), {
      cwd: dir,
      name: 'admin',
      propertyFiles: [join(repoRoot, 'properties', 'ci.properties'), join(dir, 'run.properties')],
    });
    expect(run.exitCode).toBe(0);
    const verdict = (label: string) => run.rows.find((r) => r.label === label)?.success;
    expect(verdict('POST /admin/login')).toBe('true');
    expect(verdict('GET /admin/')).toBe('false');
    expect(verdict('HTMX /admin/tools/partial (selector)')).toBe('false');
    expect(verdict('HTMX /admin/overview/partial')).toBe('true');
    expect(verdict('JSON GET /admin/tools')).toBe('false');
    // The routes of 1.1.0's UI, under API_PREFIX (/v1 by default).
    expect(paths).toContain('GET /v1/admin/tools/partial?page=1&per_page=50&render=selector');
    expect(paths).toContain('GET /v1/admin/tools');
  }, 120_000);
});
