import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterAll, describe, expect, it } from 'vitest';

import { JtlError } from '../../src/errors.js';
import { analyzeJtl } from '../../src/jtl/analyze.js';
import { HEADER } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const good = (ts: number, elapsed: number, label = 'GET /tools', ok = true) =>
  `${ts},${elapsed},${label},${ok ? 200 : 500},OK,tg 1-1,text,${ok},,100,50,1,1,http://x/,${elapsed},0,1`;

async function failure(files: string[]): Promise<JtlError> {
  const error = await analyzeJtl({ files }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(JtlError);
  return error as JtlError;
}

describe('bad input: never a crash, never a silently wrong number', () => {
  it('a malformed record is skipped and counted with its line and byte offset', async () => {
    const lines = [HEADER, good(1000, 10), '1001,12,GET /tools,200,OK', good(1002, 20), '1003,1x,GET /tools,200,OK,tg 1-1,text,true,,100,50,1,1,http://x/,1,0,1', good(1004, 30)];
    const a = await analyzeJtl({ files: [file('malformed.jtl', lines.join('\n') + '\n')] });
    expect(a.total.count).toBe(3);
    expect(a.total.meanMs).toBe(20);
    expect(a.issues.skippedCount).toBe(2);
    expect(a.issues.skipped[0]).toMatchObject({ line: 3, reason: '5 fields, expected 17', byteOffset: HEADER.length + 1 + good(1000, 10).length + 1 });
    expect(a.issues.skipped[1]).toMatchObject({ line: 5, reason: 'column "elapsed" is "1x", expected an integer' });
  });

  it('a quote inside an unquoted field is a defect of that record only', async () => {
    const a = await analyzeJtl({ files: [file('quote.jtl', [HEADER, good(1, 1), good(2, 2).replace('OK', 'O"K'), good(3, 3)].join('\n') + '\n')] });
    expect(a.total.count).toBe(2);
    expect(a.issues.skipped[0]).toMatchObject({ line: 3, reason: 'a quote inside an unquoted field' });
  });

  it('a record cut off by a killed run is reported as a truncated tail and excluded', async () => {
    const cut = [HEADER, good(1, 10), good(2, 20), good(3, 30).slice(0, 25)].join('\n');
    const a = await analyzeJtl({ files: [file('killed.jtl', cut)] });
    expect(a.total.count).toBe(2);
    expect(a.issues.skippedCount).toBe(0);
    expect(a.issues.truncatedTails).toEqual([expect.objectContaining({ line: 4, reason: 'the last record has no line end' })]);
  });

  it('a file that ends inside a quoted field (multi-line message cut off) is a truncated tail', async () => {
    const a = await analyzeJtl({ files: [file('cut-quote.jtl', `${HEADER}\n${good(1, 10)}\n2,5,GET /tools,500,Error,tg 1-1,text,false,"line one\nline t`)] });
    expect(a.total.count).toBe(1);
    expect(a.issues.truncatedTails[0]).toMatchObject({ line: 3, reason: 'the file ends inside a quoted field' });
  });

  it('an empty file is "no samples", not a pass', async () => {
    const e = await failure([file('empty.jtl', '')]);
    expect(e.code).toBe('JTL_NO_SAMPLES');
  });

  it('a header without samples is "no samples"', async () => {
    expect((await failure([file('header-only.jtl', HEADER + '\n')])).code).toBe('JTL_NO_SAMPLES');
  });

  it('a file that is not a JTL says so, at line 1', async () => {
    const e = await failure([file('notes.txt', 'hello,world\nthis is not a results file\n')]);
    expect(e.code).toBe('JTL_NOT_A_JTL');
    expect(e.context).toMatchObject({ line: 1, byteOffset: 0 });
    expect(e.message).toMatch(/notes\.txt:1: not a JMeter results file/);
  });

  it('a header without a column the statistics need names it', async () => {
    const e = await failure([file('no-elapsed.jtl', 'timeStamp,label,success,elapsedX\n1,a,true,3\n')]);
    expect(e.code).toBe('JTL_NOT_A_JTL');
    const e2 = await failure([file('no-success.jtl', 'timeStamp,elapsed,label\n1,3,a\n')]);
    expect(e2).toMatchObject({ code: 'JTL_MISSING_COLUMN', context: { column: 'success' } });
  });

  it('a missing file is a clear error', async () => {
    const e = await failure([join(dir, 'nope.jtl')]);
    expect(e.code).toBe('JTL_CANNOT_READ');
    expect(e.message).toMatch(/nope\.jtl: cannot read it \(ENOENT\)/);
  });

  it('UTF-16 big-endian is refused with the command that converts it', async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(HEADER + '\n', 'utf16le').swap16()]);
    const e = await failure([file('utf16be.jtl', bytes)]);
    expect(e.code).toBe('JTL_UNSUPPORTED_ENCODING');
    expect(e.message).toMatch(/utf16be\.jtl: .*iconv -f UTF-16BE -t UTF-8/);
  });

  it('a gzip file whose content is not a JTL fails like the plain one', async () => {
    expect((await failure([file('notes.gz', gzipSync('just text\n'))])).code).toBe('JTL_NOT_A_JTL');
  });
});
