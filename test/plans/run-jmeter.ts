import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { execa } from 'execa';

import { jmeterBin } from '../jmx/jmeter-home.js';

export interface JtlRow {
  readonly label: string;
  readonly success: string;
  readonly responseCode: string;
  readonly responseMessage: string;
  readonly failureMessage: string;
  readonly elapsed: string;
  readonly Latency: string;
}

export interface PlanRun {
  readonly exitCode: number | undefined;
  readonly log: string;
  readonly jtl: string;
  readonly rows: readonly JtlRow[];
  readonly stdout: string;
}

/** Runs `jmeter -n` on a plan from `cwd`, properties only through -q files (never a secret on argv). */
export async function runPlan(
  planPath: string,
  o: { cwd: string; name: string; propertyFiles: readonly string[]; timeoutMs?: number; systemPropertyFiles?: readonly string[] },
): Promise<PlanRun> {
  const jtlPath = join(o.cwd, `${o.name}.jtl`);
  const logPath = join(o.cwd, `${o.name}.log`);
  const system = (o.systemPropertyFiles ?? []).flatMap((f) => ['-S', f]);
  const args = ['-n', '-t', planPath, '-l', jtlPath, '-j', logPath, ...o.propertyFiles.flatMap((f) => ['-q', f]), ...system];
  const r = await execa(jmeterBin(), args, { cwd: o.cwd, reject: false, timeout: o.timeoutMs ?? 90_000, env: { JVM_ARGS: '-Xms128m -Xmx512m' } });
  const jtl = readFileSync(jtlPath, 'utf8');
  const rows = parse(jtl, { columns: true, skip_empty_lines: true, relax_column_count: true }) as JtlRow[];
  return { exitCode: r.exitCode, log: readFileSync(logPath, 'utf8'), jtl, rows, stdout: r.stdout };
}

export const labelsOf = (rows: readonly JtlRow[]): Set<string> => new Set(rows.map((r) => r.label));
export const failuresOf = (rows: readonly JtlRow[]): readonly string[] =>
  rows.filter((r) => r.success !== 'true').map((r) => `${r.label}: ${r.responseCode} ${r.responseMessage} ${r.failureMessage}`.slice(0, 300));

/**
 * Labels a run against a stateless server never shows: ending a session (stateful servers only; the
 * stateful test in real-run.test.ts checks them) and the SSE warm-up (it leaves no sample by design).
 */
export const NOT_IN_STATELESS_RUNS = new Set([
  'setUp MCP DELETE session',
  'MCP DELETE session',
  'tearDown MCP DELETE open sessions',
  'setUp SSE warm-up',
]);
