import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { baselineJson, parseBaseline } from '../../src/compare/baseline-file.js';
import { MAX_SAVED_NUMBERS } from '../../src/compare/compact.js';
import { compareRuns } from '../../src/compare/compare.js';
import { loadDigest } from '../../src/compare/inputs.js';
import { ToolkitError } from '../../src/errors.js';
import { noiseJtl, type NoiseLabel } from './noise.js';

const dir = mkdtempSync(join(tmpdir(), 'compare-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('saved baselines', () => {
  const base = write('base.jtl', noiseJtl({ seed: 11, seconds: 240, ratePerS: 100 }));
  const shifted = write('cur.jtl', noiseJtl({ seed: 12, seconds: 240, ratePerS: 100, shift: { label: 'MCP tools/call', factor: 1.3, errorRate: 0.04 } }));
  const same = write('same.jtl', noiseJtl({ seed: 13, seconds: 240, ratePerS: 100 }));

  it('comparing with the saved baseline gives the same model, verdicts and evidence as with its JTL', async () => {
    const fromJtl = await loadDigest(base);
    // The analyzer's hook fed the windows every sample it counted.
    expect(fromJtl.windows.total.windows.reduce((n, c) => n + (c?.count ?? 0), 0)).toBe(fromJtl.total.samples);
    expect(fromJtl.windows.total.windows.reduce((n, c) => n + (c?.errors ?? 0), 0)).toBe(fromJtl.total.errors);
    for (const l of fromJtl.labels) expect(fromJtl.windows.labels.find((w) => w.label === l.label)!.windows.reduce((n, c) => n + (c?.count ?? 0), 0)).toBe(l.samples);
    const file = write('base.json', baselineJson(fromJtl, new Date('2026-12-01T00:00:00Z')));
    const fromFile = await loadDigest(file);
    expect(fromFile).toEqual(fromJtl);
    for (const current of [shifted, same]) {
      const cur = await loadDigest(current);
      const a = compareRuns(fromJtl, cur);
      const b = compareRuns(fromFile, cur);
      expect(b).toEqual(a);
      // The baseline as the current side too.
      expect(compareRuns(cur, fromFile)).toEqual(compareRuns(cur, fromJtl));
    }
    const verdicts = compareRuns(fromFile, await loadDigest(shifted)).model.rows.find((r) => r.name === 'MCP tools/call')!.metrics;
    expect(verdicts.find((m) => m.metric === 'p95')!.verdict).toBe('regressed');
    expect(verdicts.find((m) => m.metric === 'errorPct')!.verdict).toBe('regressed');
  });

  it('stays small whatever the JTL size: 80 labels and 120,000 samples over an hour fit in a few hundred KB', async () => {
    const labels: NoiseLabel[] = Array.from({ length: 80 }, (_, i) => ({ name: `GET /api/${i}`, medianMs: 20 + i * 5, sigma: 0.5 }));
    const jtl = write('big.jtl', noiseJtl({ seed: 5, seconds: 3600, ratePerS: 33, labels }));
    const digest = await loadDigest(jtl);
    const text = baselineJson(digest, new Date());
    const kb = Buffer.byteLength(text) / 1024;
    console.log(`baseline of ${(statSync(jtl).size / 1e6).toFixed(1)} MB JTL (${digest.total.samples} samples, 80 labels): ${kb.toFixed(0)} KB, ${digest.windows.windowCount} windows of ${digest.windows.windowMs / 1000} s`);
    expect(digest.total.samples).toBeGreaterThan(110_000);
    expect(kb).toBeLessThan(4 * MAX_SAVED_NUMBERS / 1000 + 50);
    expect(digest.windows.windowCount).toBeGreaterThanOrEqual(12);
    expect(parseBaseline(text, 'big.json')).toEqual(digest);
  }, 60_000);

  it('refuses what is not a usable baseline, saying what is wrong and how to make one', () => {
    const good = JSON.parse(readFileSync(write('g.json', baselineJson({
      files: ['x.jtl'], labels: [], total: { label: 'Total', isController: false, samples: 0, errors: 0, throughput: 0, errorPct: 0, mean: Number.NaN, p50: Number.NaN, p90: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN },
      windows: { windowMs: 1000, originMs: 0, windowCount: 0, firstMs: 0, lastMs: 0, labels: [], total: { label: 'Total', isController: false, windows: [] } },
    }, new Date())), 'utf8'));
    expect(parseBaseline(JSON.stringify(good), 'g.json').total.mean).toBeNaN();
    const cases: Array<[string, string]> = [
      ['{', 'not JSON'],
      [JSON.stringify({ ...good, format: 'other' }), 'format is not "jtl-compare-baseline"'],
      [JSON.stringify({ ...good, version: 2 }), 'version 2; this jtl reads version 1'],
      [JSON.stringify({ ...good, buckets: { exactBelowMs: 32, perOctave: 16 } }), 'saved with other histogram buckets'],
      [JSON.stringify({ ...good, windows: { ...good.windows, total: { label: 'Total', cells: [[5, 1, 0, 1, []]] } } }), 'a window cell out of range'],
    ];
    for (const [text, reason] of cases) {
      let error: unknown;
      try {
        parseBaseline(text, 'baselines/x.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ToolkitError);
      expect((error as ToolkitError).code).toBe('CMP_BAD_BASELINE');
      expect((error as Error).message).toBe(`baselines/x.json: not a usable baseline (${reason}); save one with \`jtl baseline save <jtl|run folder> -o baselines/x.json\``);
    }
  });
});
