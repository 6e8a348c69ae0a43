import { existsSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { startTarget, type RunningTarget } from '../../src/target/index.js';
import { healthPlan, runJtl, scratchDir } from '../runner/helpers.js';

const scratch = scratchDir('sla');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TOKEN = 'sla-run-secret-7d1c2b';
const realEnv = { PATH: process.env.PATH, JMETER_HOME: process.env.JMETER_HOME, JMETER_TOKEN: TOKEN };
const latestFolder = (out: string): string => join(out, readlinkSync(join(out, 'latest')));
const summaryOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));

interface SlaJson {
  verdict: string;
  runProfile?: string;
  abortedBy?: { rule: string; scope: string; reason: string };
  findings: Array<{ subject: string; scope: string; verdict: string; measured: { value: number | null } }>;
}

describe('jtl run --sla: usage errors before anything starts (exit 2, no run folder)', () => {
  it.each([
    [['--rule', 'p95 < 3'], 'jtl: error SLA_BAD_RULE --rule "p95 < 3", column 7: a time threshold needs a unit: ms or s (e.g. 3ms)'],
    [['--sla', 'baseline', '--abort-on-fail'], 'jtl: error CLI_NOTHING_TO_ABORT --abort-on-fail: no rule of baseline profile is marked abortable; add "abort" to a rule, e.g. --rule "p95 < 500ms in every 10s after 10s abort"'],
    [['--abort-on-fail'], 'jtl: error CLI_ABORT_WITHOUT_SLA --abort-on-fail needs rules: add --sla <profile|file> or --rule "… abort"'],
  ])('%j', async (extra, stderr) => {
    const out = join(scratch, 'usage');
    const r = await runJtl(['run', 'rest_api_baseline', '--profile', 'ci', '--embedded-target', '--out', out, ...extra], realEnv);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('jtl run --sla with the real JMeter against the embedded target', () => {
  it('gates the run at its end on injected latency and errors, and keeps the verdicts in summary.json', async () => {
    const target: RunningTarget = await startTarget({
      token: TOKEN,
      fastTimePort: null,
      fastTestPort: null,
      faults: [
        { route: 'GET /tools', latency: { kind: 'fixed', ms: 60 } },
        { route: 'GET /health', errorRate: 1 },
      ],
    });
    cleanups.push(() => target.close());
    const out = join(scratch, 'injected');
    const junit = join(scratch, 'injected.xml');
    const r = await runJtl(
      ['run', 'rest_api_baseline', '--profile', 'ci', '--out', out, '--gateway-url', target.url, '--junit', junit,
        '--rule', "min >= 60ms for 'GET /tools'", '--rule', "errors < 1% for 'GET /tools'", '--rule', "errors < 1% for 'GET /health'", '--rule', "p95 < 1ms for 'GET /tools' warn"],
      realEnv,
    );
    expect(r.exitCode, r.all).toBe(1);
    expect(r.stderr).toContain("jtl: error SLA_FAILED 1 SLA rule failed: errors < 1% for 'GET /health' [GET /health]");
    const sla = summaryOf(latestFolder(out)).sla as SlaJson;
    expect(summaryOf(latestFolder(out)).profile).toBe('ci');
    expect(sla.verdict).toBe('fail');
    expect(sla.runProfile).toBe('ci');
    expect(sla.findings.map((f) => `${f.subject} [${f.scope}] ${f.verdict}`)).toEqual([
      "min >= 60ms for 'GET /tools' [GET /tools] pass",
      "errors < 1% for 'GET /tools' [GET /tools] pass",
      "errors < 1% for 'GET /health' [GET /health] fail",
      "p95 < 1ms for 'GET /tools' warn [GET /tools] warn",
    ]);
    expect(sla.findings[1]!.measured.value).toBe(0);
    expect(sla.findings[2]!.measured.value).toBe(100);
    expect(readFileSync(junit, 'utf8')).toContain('tests="4" failures="1" skipped="0"');
  });

  it('--abort-on-fail stops the run through the stop path when latency climbs, and still analyzes the whole JTL', async () => {
    // A /health that answers in ~2 ms for its first 4 s, then in 300 ms.
    let firstRequestAt: number | undefined;
    const server: Server = createServer((_req, res) => {
      firstRequestAt ??= Date.now();
      const delay = Date.now() - firstRequestAt < 4000 ? 0 : 300;
      setTimeout(() => res.setHeader('content-type', 'application/json').end('{"status":"healthy"}'), delay);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const out = join(scratch, 'abort');
    const planned = 90;
    const r = await runJtl(
      ['run', healthPlan, '--out', out, '--gateway-url', url, '-J', `DURATION=${planned}`, '-J', 'THREADS=2', '-J', 'PACE_MS=20',
        '--rule', 'p95 < 100ms in every 2s abort', '--rule', 'errors < 1%', '--abort-on-fail'],
      realEnv,
    );
    expect(r.exitCode, r.all).toBe(1);
    expect(r.stderr).toMatch(/jtl: error SLA_ABORTED the run was stopped early: SLA rule "p95 < 100ms in every 2s abort" breached for Total: measured \d+(\.\d+)?, window \d+ \(\d+ samples\)/);
    const folder = latestFolder(out);
    const summary = summaryOf(folder);
    expect(summary.exit.status).toBe('stopped');
    expect(summary.exit.stoppedWith).toBe('Shutdown');
    // Stopped well before its planned end (JMeter's own start-up included).
    expect(summary.durationMs).toBeLessThan((planned / 2) * 1000);
    const sla = summary.sla as SlaJson;
    expect(sla.abortedBy?.rule).toBe('p95 < 100ms in every 2s abort');
    expect(sla.findings[0]!.verdict).toBe('fail');
    expect(summary.warnings.some((w: string) => w.startsWith('stopping the run: SLA rule "p95 < 100ms in every 2s abort" breached'))).toBe(true);
    // The JTL is complete: every row whole, and the analysis counted all of them.
    const text = readFileSync(join(folder, 'results.jtl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const rows = parse(text, { columns: true, relax_column_count: false }) as Array<Record<string, string>>;
    expect(summary.analysis.samples).toBe(rows.length);
    expect(rows.some((row) => Number(row.elapsed) >= 300)).toBe(true);
  });
});
