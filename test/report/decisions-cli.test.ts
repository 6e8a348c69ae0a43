import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { noiseJtl } from '../compare/noise.js';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const jtl = (args: readonly string[]) =>
  execa(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { main } from ${JSON.stringify(main)}; await main(process.argv);`, 'jtl', ...args], { reject: false });

const dir = mkdtempSync(join(tmpdir(), 'jtl-report-decisions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const baseline = join(dir, 'baseline.jtl');
const current = join(dir, 'current.jtl');
writeFileSync(baseline, noiseJtl({ seed: 11, seconds: 240, ratePerS: 40, calm: true }));
writeFileSync(current, noiseJtl({ seed: 12, seconds: 240, ratePerS: 40, calm: true, shift: { label: 'MCP tools/call', factor: 2 } }));

interface ReportJson {
  banner?: { status: string; rows: Array<{ subject: string; scope: string; verdict: string }> };
  comparison?: { baseline: string; rows: Array<{ subject: string; scope: string; verdict: string }> };
}
const reportJson = (out: string): ReportJson => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportJson;

describe('jtl report --sla / --rule / --baseline', () => {
  it('without them: no banner, no comparison section', async () => {
    const out = join(dir, 'plain');
    const r = await jtl(['report', current, '-o', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    const json = reportJson(out);
    expect(json.banner).toBeUndefined();
    expect(json.comparison).toBeUndefined();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('id="verdict"');
  });

  it('--rule: the SLA verdicts of jtl gate in the banner (a failed rule fails the banner, the report is still written)', async () => {
    const out = join(dir, 'sla');
    const r = await jtl(['report', current, '-o', out, '--rule', 'p95 < 10s', '--rule', "p50 < 60ms for 'MCP tools/call'"]);
    expect(r.exitCode, r.stderr).toBe(0);
    const json = reportJson(out);
    expect(json.banner?.status).toBe('fail');
    expect(json.banner?.rows.map((row) => [row.subject, row.scope, row.verdict])).toEqual([
      ['p95 < 10s', 'Total', 'pass'],
      ["p50 < 60ms for 'MCP tools/call'", 'MCP tools/call', 'fail'],
    ]);
    const gate = await jtl(['gate', current, '--json', '--rule', 'p95 < 10s', '--rule', "p50 < 60ms for 'MCP tools/call'"]);
    expect(gate.exitCode).toBe(1);
    const gated = JSON.parse(gate.stdout) as { findings: Array<{ verdict: string }> };
    expect(gated.findings.map((f) => f.verdict)).toEqual(['pass', 'fail']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('id="verdict"');
  });

  it('--baseline: the comparison section with the verdicts of jtl compare; the doubled label regresses', async () => {
    const out = join(dir, 'baseline');
    const r = await jtl(['report', current, '-o', out, '--baseline', baseline]);
    expect(r.exitCode, r.stderr).toBe(0);
    const json = reportJson(out);
    expect(json.comparison?.baseline).toBe(baseline);
    const regressed = new Set(json.comparison!.rows.filter((row) => row.verdict === 'regressed').map((row) => row.scope));
    expect(regressed.has('MCP tools/call')).toBe(true);
    expect([...regressed].filter((scope) => scope !== 'MCP tools/call' && scope !== 'Total')).toEqual([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('id="comparison"');
  });

  it('a bad rule is a usage error (exit 2) and writes nothing', async () => {
    const out = join(dir, 'bad');
    const r = await jtl(['report', current, '-o', out, '--rule', 'p95 <']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^jtl: error SLA_BAD_RULE /);
    expect(() => readFileSync(join(out, 'index.html'))).toThrow();
  });
});
