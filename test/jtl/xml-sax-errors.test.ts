import { describe, expect, it } from 'vitest';

import type { OpenedJtl } from '../../src/jtl/open.js';
import type { Sample } from '../../src/stats/sample.js';
import type { ReadIssues } from '../../src/jtl/sample.js';
import { readXmlJtl } from '../../src/jtl/xml-reader.js';
import { readXmlJtlWithSax } from '../../src/jtl/xml-sax-reader.js';

/** The sax reader (ISO-8859-1 and UTF-16 XML) reads on past XML syntax errors, and counts every one. */
const opened = (text: string, encoding: OpenedJtl['encoding'] = 'utf8'): OpenedJtl => {
  const bytes = Buffer.from(text, encoding);
  const chunks = async function* () {
    for (let at = 0; at < bytes.length; at += 4096) yield bytes.subarray(at, at + 4096);
  };
  return { file: 'odd.xml', format: 'xml', gzip: false, encoding, sizeBytes: bytes.length, chunks };
};

async function read(reader: typeof readXmlJtl, jtl: OpenedJtl) {
  const issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
  const samples: Sample[] = [];
  await reader(jtl, issues, (s) => samples.push({ ...s }));
  return { samples, issues };
}

const sample = (attributes: string) =>
  `<httpSample ${attributes} it="0" lt="1" ct="1" s="true" rc="200" rm="OK" tn="t 1-1" dt="text" by="10" sby="5" ng="1" na="1"/>\n`;

describe('sax reader: XML syntax errors are counted', () => {
  it('a response message and a comment over sax\'s 64 KiB buffers: the same samples as the fast reader, and one note with the count', async () => {
    const message = 'm'.repeat(70_000);
    const text = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<testResults version="1.2">\n<!-- ${'c'.repeat(70_000)} -->\n` +
      `${sample(`t="12" ts="1700000000000" lb="caf\u00e9"`).replace('rm="OK"', `rm="${message}"`)}${sample('t="13" ts="1700000000001" lb="b"')}</testResults>\n`;
    const sax = await read(readXmlJtlWithSax, opened(text, 'latin1'));
    const fast = await read(readXmlJtl, opened(text));
    expect(sax.samples).toEqual(fast.samples);
    expect(sax.samples.map((s) => [s.label, s.elapsedMs, s.responseMessage.length])).toEqual([['café', 12, 70_000], ['b', 13, 2]]);
    expect(sax.issues.skippedCount).toBe(0);
    expect(sax.issues.notes).toEqual([{ file: 'odd.xml', line: 3, byteOffset: expect.any(Number), reason: '2 XML syntax error(s) read past leniently, the first: Max buffer length exceeded: comment' }]);
  });

  it('a label over sax\'s 64 KiB buffer is read whole, and the overflow is noted', async () => {
    const label = 'x'.repeat(70_000);
    const text = `<testResults version="1.2">\n${sample(`t="12" ts="1700000000000" lb="${label}"`)}</testResults>\n`;
    const sax = await read(readXmlJtlWithSax, opened(text, 'utf16le'));
    expect(sax.samples.map((s) => s.label)).toEqual([label]);
    expect(sax.issues.notes).toHaveLength(1);
    expect(sax.issues.notes?.[0]?.reason).toBe('2 XML syntax error(s) read past leniently, the first: Max buffer length exceeded: attribValue');
  });

  it('well-formed XML: no note', async () => {
    const text = `<testResults version="1.2">\n${sample('t="12" ts="1700000000000" lb="a"')}</testResults>\n`;
    const sax = await read(readXmlJtlWithSax, opened(text, 'latin1'));
    expect(sax.samples).toHaveLength(1);
    expect(sax.issues.notes).toBeUndefined();
  });
});
