import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';
import { expect } from 'vitest';

import { jmeterBin } from '../jmx/jmeter-home.js';
import type { StatisticsJsonEntry } from '../../src/stats/statistics-json.js';

export type StatisticsJson = Record<string, Record<keyof StatisticsJsonEntry, number | string>>;

/** JMeter's own report generator on a CSV JTL: the oracle for our numbers. */
export async function jmeterDashboard(jtl: string): Promise<StatisticsJson> {
  return JSON.parse(await jmeterStatisticsText(jtl)) as StatisticsJson;
}

/** The text of the statistics.json that `jmeter -g` writes for a JTL (its scratch folder removed afterwards). */
export async function jmeterStatisticsText(jtl: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'jtl-dashboard-'));
  try {
    const out = join(dir, 'report');
    // jmeter -g writes temporary files under its working directory: keep them in the scratch folder.
    const r = await execa(jmeterBin(), ['-g', jtl, '-o', out, '-j', join(dir, 'g.log')], { reject: false, cwd: dir, env: { JVM_ARGS: '-Xms128m -Xmx1g' } });
    if (r.exitCode !== 0) throw new Error(`jmeter -g failed: ${r.stdout} ${r.stderr}`);
    return readFileSync(join(out, 'statistics.json'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runJmeter(plan: string, dir: string, properties: Record<string, string | number>): Promise<string> {
  const jtl = join(dir, 'out.jtl');
  const args = ['-n', '-t', plan, '-l', jtl, '-j', join(dir, 'jmeter.log'), ...Object.entries(properties).map(([k, v]) => `-J${k}=${v}`)];
  const r = await execa(jmeterBin(), args, { reject: false, env: { JVM_ARGS: '-Xms128m -Xmx512m' } });
  if (r.exitCode !== 0) throw new Error(`jmeter failed: ${r.stdout}`);
  return jtl;
}

/**
 * Field-by-field equality with statistics.json: numbers exactly (JMeter's doubles), errorPct as a float32,
 * NaN/Infinity as Jackson writes them (strings). `fields` limits the comparison (e.g. without percentiles).
 */
export function expectSameStatistics(ours: Record<string, StatisticsJsonEntry>, jmeter: StatisticsJson, fields?: readonly string[]): void {
  expect(Object.keys(ours).sort()).toEqual(Object.keys(jmeter).sort());
  for (const [key, theirs] of Object.entries(jmeter)) {
    const mine = ours[key] as unknown as Record<string, number | string>;
    for (const [field, value] of Object.entries(theirs)) {
      if (fields !== undefined && !fields.includes(field)) continue;
      const actual = mine[field];
      const expected = typeof value === 'string' && field !== 'transaction' ? Number(value) : value;
      if (field === 'errorPct') expect(Math.fround(actual as number), `${key}.${field}`).toBe(Math.fround(expected as number));
      else expect(actual, `${key}.${field}`).toBe(expected);
    }
  }
}
