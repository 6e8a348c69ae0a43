import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { analyzeJtl } from '../../src/jtl/analyze.js';
import { generateJtl } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-stray-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The generated JTL with a stray `"` opening the label field of line `at`. */
function withStrayQuote(text: string, at: number): string {
  const lines = text.split('\n');
  const fields = lines[at - 1]!.split(',');
  fields[2] = `"${fields[2]}`;
  lines[at - 1] = fields.join(',');
  return lines.join('\n');
}

describe('one unclosed quote does not swallow the rest of a CSV (issue 12 item 7)', () => {
  it('the record with the stray quote is reported with its line; every later record is read', async () => {
    // 1 % failures with quoted multi-line messages: the stray quote pairs with a later quote, as in real files.
    const text = generateJtl({ samples: 472, labels: 5, seed: 3, errorRate: 0.05 });
    const good = await analyzeJtl({ files: [writeTo('good.jtl', text)] });
    const a = await analyzeJtl({ files: [writeTo('stray.jtl', withStrayQuote(text, 12))] });
    expect(a.total.count).toBe(good.total.count - 1);
    expect(a.issues.skippedCount).toBe(1);
    expect(a.issues.skipped[0]).toMatchObject({ line: 12, reason: expect.stringMatching(/^a quote opens a field that runs on over \d+ line\(s\) that look like records \(a stray quote\?\): this line is skipped \(\d+ bytes\) and reading resumes on the next line$/) });
    expect(a.issues.truncatedTails).toEqual([]);
  });

  it('with no other quote in the file, reading resumes after a bounded look-ahead (not at the end of the file)', async () => {
    const text = generateJtl({ samples: 2000, labels: 5, seed: 4 });
    const a = await analyzeJtl({ files: [writeTo('stray-no-close.jtl', withStrayQuote(text, 100))] });
    expect(a.total.count).toBe(1999);
    expect(a.issues.skipped.map((s) => s.line)).toEqual([100]);
    expect(a.issues.truncatedTails).toEqual([]);
  });

  it('a legitimate multi-line message whose lines look like records is still one field', async () => {
    const header = generateJtl({ samples: 0, labels: 1, seed: 1 }).trim();
    const message = '"stack:\n1795000000000,12,GET,200\n1795000000001,13,GET,200"';
    const text = `${header}\n1795000000000,5,a,500,Error,t 1-1,text,false,${message},1,1,1,1,null,1,0,1\n1795000000010,7,a,200,OK,t 1-1,text,true,,1,1,1,1,null,1,0,1\n`;
    const a = await analyzeJtl({ files: [writeTo('legit.jtl', text)] });
    expect(a.total).toMatchObject({ count: 2, errors: 1 });
    expect(a.issues.skippedCount).toBe(0);
  });
});

function writeTo(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
