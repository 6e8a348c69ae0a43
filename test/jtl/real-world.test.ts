import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { formatAnalysisTable } from '../../src/cli/format/analysis-table.js';
import { analyzeJtl } from '../../src/jtl/analyze.js';
import { displayWidth } from '../../src/output/display-width.js';
import { HEADER } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-real-world-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const row = (ts: number, elapsed: number, label: string, ok = true) => `${ts},${elapsed},${label},${ok ? 200 : 500},${ok ? 'OK' : 'ERR'},t 1-1,text,${ok},,100,10,1,1,null,${elapsed},0,1`;
const T0 = 1_795_000_000_000;
const ZERO = '0,0,WS tools/call,Sampler error,"Sampler configured for using existing connection, but there is no connection",t 1-1,text,false,,0,0,1,1,null,0,0,0';

describe('real-world JTLs in the default (exact) mode (issue 12)', () => {
  it('item 1: a complete last record without a line end counts, with a note; a cut-off one is still excluded', async () => {
    const a = await analyzeJtl({ files: [file('no-eol.csv', `${HEADER}\n${row(1000, 10, 'a')}\n${row(2000, 30, 'a')}`)] });
    expect(a.total).toMatchObject({ count: 2, meanMs: 20 });
    expect(a.issues.truncatedTails).toEqual([]);
    expect(a.issues.notes).toEqual([expect.objectContaining({ line: 3, reason: 'the last record has no line end; it is complete and counted' })]);
    const cut = await analyzeJtl({ files: [file('cut.csv', `${HEADER}\n${row(1000, 10, 'a')}\n${row(2000, 30, 'a').slice(0, 30)}`)] });
    expect(cut.total.count).toBe(1);
    expect(cut.issues.truncatedTails).toEqual([expect.objectContaining({ line: 3, reason: 'the last record has no line end' })]);
  });

  it('item 3: an empty transaction row is listed with 0 samples and no figures', async () => {
    const a = await analyzeJtl({
      files: [file('empty-tc.csv', `${HEADER}\n1575549418000,1700,GET /a,200,OK,TG 1-1,text,true,,580682,1269,1,3,http://x/a,698,0,320\n1575549419000,0,Select Year Transaction,200,"Number of samples in transaction : 0, number of failing samples : 0",,,true,,0,0,0,0,null,0,10,0\n`)],
    });
    const tx = a.labels.find((l) => l.label === 'Select Year Transaction')!;
    expect(tx).toMatchObject({ count: 0, errors: 0, isController: true });
    expect([tx.meanMs, tx.minMs, tx.maxMs, tx.errorPct, tx.throughputPerS, tx.percentiles['95']]).toEqual([NaN, NaN, NaN, NaN, NaN, NaN]);
    expect(a.total.count).toBe(1);
    const table = formatAnalysisTable(a);
    expect(table).toMatch(/^Select Year Transaction \(transaction\)\s+0\s+0\s+-\s+-\s+-/m);
  });

  it('issue 17 item 9: rows with timeStamp 0 are failed samples, outside the time range, and said so', async () => {
    const a = await analyzeJtl({ files: [file('ws-zero.csv', [HEADER, row(T0, 12, 'WS tools/call'), ZERO, ZERO, row(T0 + 1000, 30, 'WS ping')].join('\n') + '\n')] });
    expect(a.total).toMatchObject({ count: 4, errors: 2, firstStartMs: T0, lastEndMs: T0 + 1030 });
    // 4 samples over 1.03 s, not over 56 years.
    expect(a.total.throughputPerS).toBe((4 / 1030) * 1000);
    expect(a.zeroTimestamps).toBe(2);
    expect(a.intervals.map((i) => i.startMs)).toEqual([T0]);
    expect(a.issues.notes).toEqual([expect.objectContaining({ line: 3, reason: expect.stringMatching(/^2 sample\(s\) with timeStamp 0 .*counted as failed samples and left out of the time range/) })]);
    // jmeter-compat does what the dashboard does (equality with jmeter -g: dashboard-text.test.ts) and says so.
    const compat = await analyzeJtl({ files: [file('ws-zero.csv', [HEADER, row(T0, 12, 'WS tools/call'), ZERO, row(T0 + 1000, 30, 'WS ping')].join('\n') + '\n')], mode: 'jmeter-compat' });
    expect(compat.total.firstStartMs).toBe(0);
    expect(compat.issues.notes?.[0]?.reason).toMatch(/counted as JMeter does/);
    // A successful row with timeStamp 0 still counts as failed in exact mode.
    const ok = await analyzeJtl({ files: [file('zero-ok.csv', [HEADER, row(T0, 12, 'a'), row(0, 5, 'a')].join('\n') + '\n')] });
    expect(ok.total).toMatchObject({ count: 2, errors: 1 });
    expect(ok.total.failures).toEqual([{ key: 'timeStamp 0 (the sampler recorded no start time)', count: 1 }]);
  });

  it('item 10: a file without samples among merged files, and a timestamp decades away, are named with file and line', async () => {
    const good = file('good.csv', [HEADER, ...Array.from({ length: 50 }, (_, i) => row(T0 + i * 100, 20, 'a'))].join('\n') + '\n');
    const empty = file('empty.csv', HEADER + '\n');
    const old = file('old.csv', [HEADER, row(T0 + 6000, 20, 'a'), row(1000, 20, 'a'), row(T0 + 7000, 20, 'a')].join('\n') + '\n');
    const a = await analyzeJtl({ files: [good, empty, old] });
    expect(a.total.count).toBe(53);
    expect(a.issues.notes).toEqual([
      expect.objectContaining({ file: old, line: 3, reason: expect.stringMatching(/^1 sample\(s\) dated 1970-01-01, 20775 days away from the rest of the run/) }),
      expect.objectContaining({ file: empty, reason: 'no samples in this file (the others are merged without it)' }),
    ]);
  });

  it('item 11: the table shows control characters visibly and aligns wide characters by display width', async () => {
    const labels = ['ctl\u0001x', 'nul\u0000y', '"line\nbreak"', '登录页面', 'rocket 🚀', 'plain'];
    const a = await analyzeJtl({ files: [file('labels.csv', [HEADER, ...labels.map((l, i) => row(T0 + i, 10 + i, l))].join('\n') + '\n')] });
    const table = formatAnalysisTable(a);
    expect(table).not.toMatch(/[\u0000\u0001]/);
    expect(table).toContain('ctl\\x01x');
    expect(table).toContain('nul\\x00y');
    expect(table).toContain('line\\nbreak');
    const rows = table.split('\n').slice(0, labels.length + 1);
    // Every cell is padded to its column's display width, so every row ends in the same terminal column.
    expect(new Set(rows.map(displayWidth)).size).toBe(1);
    expect(displayWidth('登录页面')).toBe(8);
    expect(displayWidth('rocket 🚀')).toBe(9);
    expect(displayWidth('e\u0301')).toBe(1);
    const cjk = rows.find((r) => r.startsWith('登录页面'))!;
    const plain = rows.find((r) => r.startsWith('plain'))!;
    expect(cjk.indexOf('  1  ') + 4).toBe(plain.indexOf('  1  '));
  });

  it('--max-labels groups further labels in "other labels" and says so', async () => {
    const lines = [HEADER, ...Array.from({ length: 30 }, (_, i) => row(T0 + i, 10 + i, `GET /u/${i % 10}`))];
    const a = await analyzeJtl({ files: [file('many.csv', lines.join('\n') + '\n')], maxLabels: 4 });
    expect(a.labels.map((l) => [l.label, l.count])).toEqual([['GET /u/0', 3], ['GET /u/1', 3], ['GET /u/2', 3], ['GET /u/3', 3], ['other labels', 18]]);
    expect(a.total.count).toBe(30);
    expect(a.labelLimit).toEqual({ maxLabels: 4, groupedSamples: 18, groupedLabels: 6 });
    expect(a.issues.notes?.[0]?.reason).toBe('more than 4 labels: 18 sample(s) of 6 further label(s) are grouped in the row "other labels" (--max-labels)');
  });

  it('items 4 and 5: 20,000 labels of a few samples each, and a 24-hour run, on generated files', async () => {
    const many = [HEADER, ...Array.from({ length: 60_000 }, (_, i) => row(T0 + i, 5 + (i % 300), `GET /users/${(i * 7919) % 20_000}`))];
    for (const mode of ['exact', 'jmeter-compat'] as const) {
      const a = await analyzeJtl({ files: [file('many-labels.csv', many.join('\n') + '\n')], mode });
      expect(a.labels.length).toBe(20_000);
      expect(a.labels.every((l) => l.count === 3)).toBe(true);
      expect(a.total.count).toBe(60_000);
    }
    const day = [HEADER, ...Array.from({ length: 86_400 }, (_, i) => row(T0 + i * 1000, 10 + (i % 50), `GET /api/${i % 40}`))];
    const long = await analyzeJtl({ files: [file('day.csv', day.join('\n') + '\n')] });
    expect(long.intervals.length).toBeLessThanOrEqual(2048);
    expect(long.intervalMs).toBe(80_000);
    expect(long.requestedIntervalMs).toBe(5000);
    expect(long.intervals.reduce((n, i) => n + i.count, 0)).toBe(86_400);
  });
});
