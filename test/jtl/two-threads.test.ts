import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { generateJtl, HEADER } from './generate.js';

// Worker threads run the compiled analyzer: these tests drive dist/ (built by `npm ci`, `npm run build`).
const repo = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jtl-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row { label: string; count: number; meanMs: number; stdDevMs: number; [k: string]: unknown }
interface Result { labels: Row[]; total: Row; intervals: unknown[]; issues: { skippedCount: number; skipped: { line: number; byteOffset: number }[] } }

async function analyze(file: string, twoThreads: boolean): Promise<Result> {
  const r = await execa(process.execPath, [join(repo, 'bin/jtl.js'), 'analyze', file, '--json'], {
    env: { JTL_PARALLEL_MIN_BYTES: twoThreads ? '1' : '1e15' },
    reject: false,
  });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Result;
}

/** Means and standard deviations are combined by weight across threads: equal to 12 significant digits. */
function expectSameFigures(a: Result, b: Result): void {
  const exact = (x: Result) => ({ ...x, labels: x.labels.map(({ meanMs, stdDevMs, ...rest }) => rest), total: { ...x.total, meanMs: 0, stdDevMs: 0 } });
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
    lines.splice(Math.floor(lines.length * 0.8), 0, '1795000000000,oops,GET /x,200,OK,t,text,true,,1,1,1,1,u,1,0,1');
    const file = join(dir, 'big.jtl');
    writeFileSync(file, lines.join('\n'));
    const [one, two] = await Promise.all([analyze(file, false), analyze(file, true)]);
    expectSameFigures(one, two);
    expect(two.issues.skippedCount).toBe(1);
    expect(two.issues.skipped[0]!.line).toBe(one.issues.skipped[0]!.line);
  });

  it('when the middle of the file falls inside a quoted multi-line field, it is read in one pass, same figures', async () => {
    const row = (ts: number, message = '') =>
      `${ts},12,GET /tools,500,Error,t,text,false,${message},10,10,1,1,http://x,5,0,1`;
    const head = Array.from({ length: 200 }, (_, i) => row(1795000000000 + i));
    const huge = `"${'line of a long failure message\n'.repeat(4000)}"`;
    const tail = Array.from({ length: 200 }, (_, i) => row(1795000001000 + i));
    const file = join(dir, 'quoted-middle.jtl');
    writeFileSync(file, [HEADER, ...head, row(1795000000500, huge), ...tail].join('\n') + '\n');
    const [one, two] = await Promise.all([analyze(file, false), analyze(file, true)]);
    expect(two).toEqual(one);
    expect(two.total.count).toBe(401);
  });
});
