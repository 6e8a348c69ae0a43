import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { analyzeJtl, type Analysis } from '../../src/jtl/analyze.js';
import { readCsvLayout } from '../../src/jtl/csv-reader.js';
import { openJtl } from '../../src/jtl/open.js';
import { readCsvInHalves } from '../../src/jtl/parallel.js';
import { JMETER_APDEX } from '../../src/stats/types.js';
import { generateJtl, HEADER } from './generate.js';

/**
 * The two-thread reader, from the sources under test (its worker thread runs parallel-worker.ts through tsx), never
 * from a build in dist/ that may be stale or missing on a fresh clone.
 */
const dir = mkdtempSync(join(tmpdir(), 'jtl-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const analyze = (file: string, twoThreads: boolean): Promise<Analysis> => analyzeJtl({ files: [file], parallelMinBytes: twoThreads ? 1 : Infinity });

/** The halves' own result: undefined when the split was refused and the file must be read in one pass. */
async function halves(file: string) {
  const jtl = await openJtl(file);
  const layout = await readCsvLayout(jtl, {});
  return readCsvInHalves(jtl, layout!, { apdex: JMETER_APDEX, intervalMs: 5000 });
}

/** Means and standard deviations are combined by weight across threads: equal to 9 decimals. */
function expectSameFigures(a: Analysis, b: Analysis): void {
  const exact = (x: Analysis) => ({ ...x, labels: x.labels.map(({ meanMs, stdDevMs, ...rest }) => rest), total: { ...x.total, meanMs: 0, stdDevMs: 0 } });
  expect(exact(b)).toEqual(exact(a));
  for (const [i, row] of [...a.labels, a.total].entries()) {
    const other = [...b.labels, b.total][i]!;
    expect(other.meanMs).toBeCloseTo(row.meanMs, 9);
    expect(other.stdDevMs).toBeCloseTo(row.stdDevMs, 9);
  }
}

describe('a large CSV JTL read on two threads gives the one-thread figures', () => {
  it('on generated data with multi-line messages, controllers and a malformed record in the second half', async () => {
    const text = generateJtl({ samples: 40_000, labels: 6, seed: 11, transactionEvery: 9, subResultsEvery: 13, errorRate: 0.05 });
    const lines = text.split('\n');
    const badLine = Math.floor(lines.length * 0.8);
    lines.splice(badLine, 0, '1795000000000,oops,GET /x,200,OK,t,text,true,,1,1,1,1,u,1,0,1');
    const file = join(dir, 'big.jtl');
    writeFileSync(file, lines.join('\n'));
    // The split is taken here (the worker ran and both halves came back), so the figures below are two threads'.
    const parts = await halves(file);
    expect(parts).toHaveLength(2);
    expect(parts![1].issues.skippedCount).toBe(1);
    const one = await analyze(file, false);
    const two = await analyze(file, true);
    expectSameFigures(one, two);
    expect(two.total.count).toBe(one.total.count);
    expect(two.issues.skippedCount).toBe(1);
    expect(two.issues.skipped[0]!.line).toBe(one.issues.skipped[0]!.line);
    expect(two.issues.skipped[0]!.line).toBe(badLine + 1);
  });

  it('when the middle of the file falls inside a quoted multi-line field, it is read in one pass, same figures', async () => {
    const row = (ts: number, message = '') =>
      `${ts},12,GET /tools,500,Error,t,text,false,${message},10,10,1,1,http://x,5,0,1`;
    const head = Array.from({ length: 200 }, (_, i) => row(1795000000000 + i));
    const huge = `"${'line of a long failure message\n'.repeat(4000)}"`;
    const tail = Array.from({ length: 200 }, (_, i) => row(1795000001000 + i));
    const file = join(dir, 'quoted-middle.jtl');
    writeFileSync(file, [HEADER, ...head, row(1795000000500, huge), ...tail].join('\n') + '\n');
    expect(await halves(file)).toBeUndefined();
    const one = await analyze(file, false);
    const two = await analyze(file, true);
    expect(two).toEqual(one);
    expect(two.total.count).toBe(401);
  });
});
