/**
 * `npm run bench:compare`: the error rates of `jtl compare` at its default settings, on generated noise-only JTLs
 * (test/compare/noise.ts: lognormal times, slow periods, 1 % errors; 4 labels at 100 req/s together):
 * - power: for a few run lengths and shifts of one label's times (or its error rate), the share of pairs where
 *   that label's p95 (error %) is found regressed, and the smallest shift found in ≥ 80 % of pairs;
 * - false regressions: the share of A/A pairs failing the default --fail-on.
 * Flags: --pairs N (default 15), --seconds 60,240,960, --calm (no slow periods: independent samples).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { compareRuns } from '../src/compare/compare.js';
import { loadDigest } from '../src/compare/inputs.js';
import type { RunDigest } from '../src/compare/types.js';
import { failures } from '../src/findings/finding.js';
import { noiseJtl, type NoiseOptions } from '../test/compare/noise.js';

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '15' }, seconds: { type: 'string', default: '60,240,960' }, calm: { type: 'boolean', default: false } } });
const calm = values.calm;
const pairs = Number(values.pairs);
const lengths = values.seconds.split(',').map(Number);
const FACTORS = [1.1, 1.2, 1.3, 1.5, 2];
const ERROR_RATES = [0.015, 0.02, 0.03, 0.05];
const LABEL = 'MCP tools/call';
const dir = mkdtempSync(join(tmpdir(), 'bench-compare-'));

async function digest(o: NoiseOptions): Promise<RunDigest> {
  const file = join(dir, `${o.seed}.jtl`);
  writeFileSync(file, noiseJtl({ ...o, calm }));
  try {
    return await loadDigest(file);
  } finally {
    rmSync(file);
  }
}

const verdictOf = (base: RunDigest, cur: RunDigest, metric: string) =>
  compareRuns(base, cur).model.rows.find((r) => r.name === LABEL)!.metrics.find((m) => m.metric === metric)!.verdict;

try {
  for (const seconds of lengths) {
    const perLabel = Math.round((seconds * 100) / 4);
    const bases: RunDigest[] = [];
    let falsePairs = 0;
    for (let i = 0; i < pairs; i++) {
      bases.push(await digest({ seed: 10_000 + seconds * 100 + 2 * i, seconds, ratePerS: 100 }));
      const same = await digest({ seed: 20_000 + seconds * 100 + 2 * i, seconds, ratePerS: 100 });
      if (failures(compareRuns(bases[i]!, same).findings).length > 0) falsePairs += 1;
    }
    const row: string[] = [];
    let smallest: string | undefined;
    for (const factor of FACTORS) {
      let found = 0;
      for (let i = 0; i < pairs; i++) {
        const cur = await digest({ seed: 30_000 + seconds * 100 + i, seconds, ratePerS: 100, shift: { label: LABEL, factor } });
        if (verdictOf(bases[i]!, cur, 'p95') === 'regressed') found += 1;
      }
      row.push(`×${factor}: ${Math.round((100 * found) / pairs)} %`);
      if (smallest === undefined && found / pairs >= 0.8) smallest = `+${Math.round((factor - 1) * 100)} %`;
    }
    const errors: string[] = [];
    let smallestError: string | undefined;
    for (const rate of ERROR_RATES) {
      let found = 0;
      for (let i = 0; i < pairs; i++) {
        const cur = await digest({ seed: 40_000 + seconds * 100 + i, seconds, ratePerS: 100, shift: { label: LABEL, errorRate: rate } });
        if (verdictOf(bases[i]!, cur, 'errorPct') === 'regressed') found += 1;
      }
      errors.push(`${rate * 100} %: ${Math.round((100 * found) / pairs)} %`);
      if (smallestError === undefined && found / pairs >= 0.8) smallestError = `1 % → ${rate * 100} %`;
    }
    console.log(`${seconds} s, ~${perLabel} samples per label, ${pairs} pairs per cell${calm ? ', no slow periods' : ''}`);
    console.log(`  A/A pairs failing --fail-on: ${falsePairs} of ${pairs}`);
    console.log(`  p95 found regressed when ${LABEL}'s times are multiplied by  ${row.join('  ')}  → smallest at 80 % power: ${smallest ?? 'none of these'}`);
    console.log(`  error % found regressed when ${LABEL}'s error rate is  ${errors.join('  ')}  → smallest at 80 % power: ${smallestError ?? 'none of these'}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
