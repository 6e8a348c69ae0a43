import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { HEADER } from '../jtl/generate.js';
import { noiseJtl } from './noise.js';

const dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/** The real `jtl` entry point in a child process: stdout, stderr and the exit code a shell sees. */
const jtl = (args: readonly string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { main } from ${JSON.stringify(main)}; await main(process.argv);`, 'jtl', ...args], { reject: false, env });

const write = (path: string, text: string) => {
  writeFileSync(path, text);
  return path;
};

const base = write(join(dir, 'base.jtl'), noiseJtl({ seed: 21, seconds: 120, ratePerS: 80 }));
const worse = write(join(dir, 'worse.jtl'), noiseJtl({ seed: 22, seconds: 120, ratePerS: 80, shift: { label: 'MCP tools/call', factor: 1.5, errorRate: 0.05 } }));

describe('jtl compare (CLI end to end)', () => {
  it('--help documents the inputs, verdicts, options and exit codes; baseline save its output', async () => {
    const help = await jtl(['compare', '--help']);
    expect(help.exitCode).toBe(0);
    for (const word of ['[baseline] [current]', '--fail-on', '--map', '--min-latency', '--confidence', '--junit', '--step-summary', 'not enough data', 'a.jtl,b.jtl', 'Exit: 0']) expect(help.stdout).toContain(word);
    const save = await jtl(['baseline', 'save', '--help']);
    expect(save.stdout).toContain('-o, --out <file>');
    const noOut = await jtl(['baseline', 'save', base]);
    expect(noOut.exitCode).toBe(2);
  });

  it('a run against itself: nothing regressed, exit 0; the table lists every label and metric', async () => {
    const r = await jtl(['compare', base, base]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^label\s+metric\s+baseline\s+current\s+delta\s+delta %\s+verdict\s+evidence$/);
    expect(lines.filter((l) => /^(GET \/tools|GET \/health|MCP tools\/call|MCP tools\/list|Total)\s/.test(l))).toHaveLength(45);
    expect(r.stdout).toMatch(/^0 regressed, 0 improved, \d+ not enough data; \* counts for --fail-on \(p95, p99, error %\): 0 failing$/m);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('a regression: listed first, marked, exit 1 with one line on stderr', async () => {
    const r = await jtl(['compare', base, worse]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n')[1]).toMatch(/^MCP tools\/call\s+(error %|p95|p99)\s.*regressed \*/);
    expect(r.stderr).toMatch(/^jtl: error CMP_REGRESSED \d+ --fail-on finding\(s\) failed, first: .* vs baseline \[MCP tools\/call\] regressed \(99 % CI of the delta \+/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--fail-on none: the same regression is reported, exit 0', async () => {
    const r = await jtl(['compare', base, worse, '--fail-on', 'none']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('regressed');
  });

  it('--json, --junit and --step-summary write the same verdicts', async () => {
    const junit = join(dir, 'out', 'compare.xml');
    const summary = write(join(dir, 'summary.md'), '# before\n');
    const r = await jtl(['compare', base, worse, '--json', '--junit', junit, '--step-summary'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.exitCode).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.findingsSchemaVersion).toBe(1);
    expect(json.comparison.schemaVersion).toBe(1);
    expect(json.comparison.rows.map((row: { name: string }) => row.name)).toEqual(['GET /health', 'GET /tools', 'MCP tools/call', 'MCP tools/list', 'Total']);
    expect(json.findings).toHaveLength(5 * 9);
    const failing = json.findings.filter((f: { blocking: boolean; verdict: string }) => f.blocking && f.verdict === 'regressed');
    expect(failing.length).toBeGreaterThan(0);
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<failure /g)).toHaveLength(failing.length);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# before\n## Comparison with the baseline\n\n❌ **')).toBe(true);
    expect(md).toContain('| MCP tools/call | p95 |');
  });

  it('--map pairs differently named labels and reports the added latency with its interval', async () => {
    const renamed = write(join(dir, 'renamed.jtl'), readFileSync(worse, 'utf8').replaceAll('MCP tools/call', 'via gateway tools/call'));
    const r = await jtl(['compare', base, renamed, '--map', 'MCP tools/call=via gateway tools/call', '--fail-on', 'none']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ {2}MCP tools\/call → via gateway tools\/call: mean \+\d+(\.\d)? ms \[\+\d+(\.\d)?, \+\d+(\.\d)?\]; p50 /m);
    expect(r.stdout).not.toMatch(/^added labels/m);
    const unknown = await jtl(['compare', base, renamed, '--map', 'nope=via gateway tools/call']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/^jtl: error CMP_UNKNOWN_LABEL --map nope=via gateway tools\/call: the baseline run has no label "nope" \(it has: GET \/health, GET \/tools, MCP tools\/call, MCP tools\/list\)/);
  });

  it('bad input: exit 2 with what is wrong', async () => {
    const missing = await jtl(['compare', base, join(dir, 'nope.jtl')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^jtl: error CMP_NO_INPUT .*nope\.jtl: no such file or folder; give a JTL/);
    const lines = readFileSync(base, 'utf8').split('\n');
    const damaged = write(join(dir, 'damaged.jtl'), [...lines.slice(0, 100), 'not,a,record', ...lines.slice(100)].join('\n'));
    const warned = await jtl(['compare', base, damaged, '--json']);
    expect(warned.exitCode).toBe(0);
    expect(warned.stderr).toMatch(/^warning: current: 1 malformed record\(s\) skipped, first at .*damaged\.jtl:101 /);
    expect(JSON.parse(warned.stdout).comparison.current.warnings).toHaveLength(1);
    const metric = await jtl(['compare', base, base, '--fail-on', 'p97']);
    expect(metric.exitCode).toBe(2);
    expect(metric.stderr).toContain('--fail-on p97: unknown metric "p97"');
  });

  it('baseline save, then compare with it: same output as with the JTL', async () => {
    const file = join(dir, 'baselines', 'main.json');
    const saved = await jtl(['baseline', 'save', base, '-o', file]);
    expect(saved.exitCode).toBe(0);
    expect(saved.stdout).toMatch(/^baseline: .*main\.json \(\d+\.\d KB; 4 labels, \d+ samples, \d+ windows of \d+ s\)$/m);
    const withFile = await jtl(['compare', file, worse, '--json']);
    const withJtl = await jtl(['compare', base, worse, '--json']);
    expect(withFile.exitCode).toBe(withJtl.exitCode);
    expect(withFile.stdout).toBe(withJtl.stdout);
  });
});

describe('jtl compare without inputs: the newest runs in results/', () => {
  const folder = (results: string, name: string, jtlText: string, plan?: string) => {
    mkdirSync(join(results, name), { recursive: true });
    write(join(results, name, 'results.jtl'), jtlText);
    if (plan) write(join(results, name, 'summary.json'), JSON.stringify({ plan: { name: plan } }));
  };
  /** Three runs of one plan and a newest one that recorded nothing (results/latest points at it). */
  const resultsFolder = (name: string) => {
    const results = join(dir, name);
    folder(results, 'mcp_jsonrpc_baseline_20261201-080000', noiseJtl({ seed: 31, seconds: 40, ratePerS: 50 }));
    folder(results, 'mcp_jsonrpc_baseline_20261201-090000', noiseJtl({ seed: 32, seconds: 40, ratePerS: 50 }));
    folder(results, 'mcp_jsonrpc_baseline_20261201-100000', noiseJtl({ seed: 33, seconds: 40, ratePerS: 50, shift: { label: 'GET /tools', factor: 2 } }));
    folder(results, 'mcp_jsonrpc_baseline_20261201-110000', `${HEADER}\n`);
    symlinkSync('mcp_jsonrpc_baseline_20261201-110000', join(results, 'latest'));
    return results;
  };
  const results = resultsFolder('results');

  it('compares the two newest runs that recorded samples, skipping an empty one', async () => {
    const r = await jtl(['compare', '--runs', results, '--json', '--fail-on', 'none']);
    expect(r.exitCode).toBe(0);
    const { comparison } = JSON.parse(r.stdout);
    expect(comparison.baseline.files[0]).toMatch(/_20261201-090000\/results\.jtl$/);
    expect(comparison.current.files[0]).toMatch(/_20261201-100000\/results\.jtl$/);
    expect(comparison.baseline.plan).toBe('mcp_jsonrpc_baseline');
  });

  it('one input: compared with the newest run', async () => {
    const r = await jtl(['compare', join(results, 'mcp_jsonrpc_baseline_20261201-080000'), '--runs', results, '--json', '--fail-on', 'none']);
    expect(JSON.parse(r.stdout).comparison.current.files[0]).toMatch(/_20261201-100000\/results\.jtl$/);
  });

  it('refuses the newest runs of two different plans unless --allow-different-plans', async () => {
    const mixed = resultsFolder('mixed-results');
    folder(mixed, 'rest_api_baseline_20261201-120000', noiseJtl({ seed: 34, seconds: 40, ratePerS: 50 }), 'rest_api_baseline');
    const refused = await jtl(['compare', '--runs', mixed]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/^jtl: error RUN_DIFFERENT_PLANS the two newest runs with samples are of different plans \(.*rest_api_baseline_20261201-120000, .*mcp_jsonrpc_baseline_20261201-100000\)/);
    const allowed = await jtl(['compare', '--runs', mixed, '--allow-different-plans', '--fail-on', 'none']);
    expect(allowed.exitCode).toBe(0);
  });

  it('a results folder with fewer than two runs with samples: exit 2', async () => {
    const empty = join(dir, 'empty-results');
    mkdirSync(empty);
    const r = await jtl(['compare', '--runs', empty]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`jtl: error RUN_NOT_ENOUGH_RUNS ${empty}: only 0 run(s) with samples (0 run folder(s), 0 without samples)`);
  });
});
