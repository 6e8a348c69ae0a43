import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ToolkitError } from '../errors.js';

/** One run folder of results/, as far as choosing runs for a report or a comparison goes. */
export interface RunEntry {
  readonly dir: string;
  readonly plan: string;
  /** Folder timestamp + suffix, sortable: `20261202-061500-2`. */
  readonly order: string;
  readonly hasSamples: boolean;
}

export interface RunSelection {
  readonly runs: readonly RunEntry[];
  /** Newer runs passed over because they hold no sample (a failed or stopped-at-once run). */
  readonly skipped: readonly RunEntry[];
}

const RUN_FOLDER = /^(.+)_(\d{8}-\d{6})(?:-(\d+))?$/;

/** The run folders of `outDir`, newest first (by the UTC timestamp in their names). */
export async function listRuns(outDir: string): Promise<readonly RunEntry[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const runs: RunEntry[] = [];
  for (const name of names) {
    const m = RUN_FOLDER.exec(name);
    if (!m) continue;
    const dir = join(outDir, name);
    runs.push({ dir, plan: m[1] ?? '', order: `${m[2]}-${(m[3] ?? '1').padStart(4, '0')}`, hasSamples: await hasSamples(dir) });
  }
  return runs.sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0));
}

/** summary.json says how many samples the run recorded; without that figure (a killed runner), a JTL row after the header counts. */
async function hasSamples(dir: string): Promise<boolean> {
  const summary = await readFile(join(dir, 'summary.json'), 'utf8').then((t) => JSON.parse(t) as { analysis?: { samples?: number } }, () => undefined);
  if (typeof summary?.analysis?.samples === 'number') return summary.analysis.samples > 0;
  const head = await open(join(dir, 'results.jtl'), 'r')
    .then(async (fd) => {
      try {
        const buf = Buffer.alloc(65_536);
        const { bytesRead } = await fd.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead).toString('utf8');
      } finally {
        await fd.close();
      }
    })
    .catch(() => '');
  return /\n./.test(head);
}

/** The line that says why a newer run was passed over. */
export const skippedRunNote = (r: RunEntry): string =>
  `jtl: skipping ${r.dir}: no samples (the run failed or stopped before its first sample; see its jmeter.log)`;

export interface PickRunsOptions {
  readonly outDir: string;
  /** 1 for a report, 2 for a comparison (older first in the result). */
  readonly count: number;
  /** Comparisons: runs of different plans are refused unless this is set. */
  readonly allowDifferentPlans?: boolean;
}

/** The newest `count` runs that hold samples, skipping empty ones; refuses to pair different plans without the flag. */
export async function pickRuns(o: PickRunsOptions): Promise<RunSelection> {
  const all = await listRuns(o.outDir);
  const withSamples = all.filter((r) => r.hasSamples);
  const chosen = withSamples.slice(0, o.count);
  const oldestChosen = chosen.at(-1)?.order ?? '';
  const skipped = all.filter((r) => !r.hasSamples && r.order > oldestChosen);
  if (chosen.length < o.count) {
    const empty = all.length - withSamples.length;
    throw new ToolkitError(
      'RUN_NOT_ENOUGH_RUNS',
      `${o.outDir}: ${o.count === 1 ? 'no run' : `only ${chosen.length} run(s)`} with samples (${all.length} run folder(s), ${empty} without samples): ` +
        `run a plan first (e.g. make jmeter-quick JMETER_EMBEDDED=1)`,
      { outDir: o.outDir, runs: all.length, empty },
    );
  }
  const plans = [...new Set(chosen.map((r) => r.plan))];
  if (plans.length > 1 && !o.allowDifferentPlans) {
    throw new ToolkitError(
      'RUN_DIFFERENT_PLANS',
      `the two newest runs with samples are of different plans (${chosen.map((r) => r.dir).join(', ')}): ` +
        'comparing them compares different loads; run the same plan again, or allow it (--allow-different-plans, JMETER_COMPARE_DIFFERENT_PLANS=1)',
      { runs: chosen.map((r) => r.dir) },
    );
  }
  return { runs: [...chosen].reverse(), skipped };
}
