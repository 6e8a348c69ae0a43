import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { compareRuns } from '../../src/compare/compare.js';
import { loadDigest } from '../../src/compare/inputs.js';
import { failures } from '../../src/findings/finding.js';
import { noiseJtl } from './noise.js';

const dir = mkdtempSync(join(tmpdir(), 'compare-noise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes two generated JTLs and compares them through the same path as `jtl compare a.jtl b.jtl`. */
async function comparePair(seed: number, shift?: Parameters<typeof noiseJtl>[0]['shift']) {
  const a = join(dir, `a${seed}.jtl`);
  const b = join(dir, `b${seed}.jtl`);
  writeFileSync(a, noiseJtl({ seed: 2 * seed, seconds: 240, ratePerS: 100 }));
  writeFileSync(b, noiseJtl({ seed: 2 * seed + 1, seconds: 240, ratePerS: 100, ...(shift && { shift }) }));
  try {
    return compareRuns(await loadDigest(a), await loadDigest(b));
  } finally {
    rmSync(a);
    rmSync(b);
  }
}

describe('generated noise-only JTLs (lognormal times, slow periods, 1 % errors; 24,000 samples, 4 labels each)', () => {
  it('A/A: across 50 pairs at the default settings, under 5 % of pairs fail --fail-on', async () => {
    const pairs = 50;
    let failing = 0;
    for (let seed = 1; seed <= pairs; seed++) {
      const { findings } = await comparePair(seed);
      if (failures(findings).length > 0) failing += 1;
    }
    console.log(`A/A false regressions: ${failing} of ${pairs} pairs (${((100 * failing) / pairs).toFixed(1)} %)`);
    expect(failing / pairs).toBeLessThan(0.05);
  }, 300_000);

  it('A/B: +40 % on one label → its p95 regresses, no other label does', async () => {
    const { model } = await comparePair(101, { label: 'MCP tools/call', factor: 1.4 });
    const regressed = model.rows.flatMap((r) => r.metrics.filter((m) => m.verdict === 'regressed').map((m) => `${r.name} ${m.metric}`));
    expect(regressed).toContain('MCP tools/call p95');
    expect(regressed.filter((r) => !r.startsWith('MCP tools/call') && !r.startsWith('Total'))).toEqual([]);
  });

  it('A/B: 5 % errors on one label → its error % regresses', async () => {
    const { model } = await comparePair(102, { label: 'GET /tools', errorRate: 0.05 });
    const errors = model.rows.filter((r) => r.metrics.find((m) => m.metric === 'errorPct')!.verdict === 'regressed').map((r) => r.name);
    expect(errors.filter((n) => n !== 'Total')).toEqual(['GET /tools']);
  });
});
