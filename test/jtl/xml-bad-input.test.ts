import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { analyzeJtl } from '../../src/jtl/analyze.js';
import type { OpenedJtl } from '../../src/jtl/open.js';
import type { ReadIssues } from '../../src/jtl/sample.js';
import { readXmlJtl } from '../../src/jtl/xml-reader.js';
import { readXmlJtlWithSax } from '../../src/jtl/xml-sax-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-xml-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An XML JTL as JMeter writes it: samples with assertion results and response data, one self-closing. */
function xmlJtl(samples: number): { text: string; starts: number[] } {
  let text = '<?xml version="1.0" encoding="UTF-8"?>\n<testResults version="1.2">\n';
  const starts: number[] = [];
  for (let i = 0; i < samples; i++) {
    starts.push(Buffer.byteLength(text));
    const attributes = `t="${10 + i}" it="0" lt="${5 + i}" ct="1" ts="${1_795_000_000_000 + i * 100}" s="${i % 4 !== 3}" lb="GET /tools/${i % 3}" rc="${i % 4 === 3 ? 500 : 200}" rm="OK" tn="tg 1-1" dt="text" by="1200" sby="150" ng="1" na="1"`;
    text += i % 5 === 4
      ? `<httpSample ${attributes}/>\n`
      : `<httpSample ${attributes}>\n  <assertionResult>\n    <name>shape</name>\n    <failure>${i % 4 === 3}</failure>\n    <error>false</error>\n  </assertionResult>\n  <responseData class="java.lang.String">{&quot;result&quot;: ${i}}</responseData>\n  <java.net.URL>http://127.0.0.1:4444/tools</java.net.URL>\n</httpSample>\n`;
  }
  return { text: `${text}\n</testResults>\n`, starts };
}

const inMemory = (bytes: Buffer): OpenedJtl => ({
  file: 'cut.xml', format: 'xml', gzip: false, encoding: 'utf8', sizeBytes: bytes.length,
  chunks: async function* () {
    // Small chunks, so cuts fall at chunk ends as well.
    for (let at = 0; at < bytes.length; at += 97) yield bytes.subarray(at, at + 97);
  },
});

async function read(reader: typeof readXmlJtl, bytes: Buffer): Promise<{ samples: number; tails: ReadIssues['truncatedTails']; skipped: number }> {
  const issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
  let samples = 0;
  await reader(inMemory(bytes), issues, () => (samples += 1));
  return { samples, tails: issues.truncatedTails, skipped: issues.skippedCount };
}

describe('XML JTL: nothing lost quietly (issue 12 items 6 and 8)', () => {
  it('cut at every byte: each sample is read or reported as a truncated tail, by both readers', async () => {
    const { text, starts } = xmlJtl(12);
    const bytes = Buffer.from(text);
    let reported = 0;
    for (let cut = 0; cut <= bytes.length; cut++) {
      // A sample has started once its name has (a lone `<` may as well be the closing tag's).
      const started = starts.filter((s) => s + 1 < cut).length;
      for (const reader of [readXmlJtl, readXmlJtlWithSax]) {
        const r = await read(reader, bytes.subarray(0, cut));
        expect(r.samples + r.tails.length, `cut at ${cut} (${reader.name})`).toBe(started);
        expect(r.tails.length).toBeLessThanOrEqual(1);
        reported += r.tails.length;
      }
    }
    expect(reported).toBeGreaterThan(1000);
  });

  it('head -c 9000 of a JTL: the cut-off sample is a truncated tail in --json, as for CSV', async () => {
    const { text } = xmlJtl(40);
    const path = join(dir, 't.xml');
    let reported = 0;
    for (const size of [9000, 9001, 9010, 9100, 9200, 9300, 9400]) {
      writeFileSync(path, text.slice(0, size));
      const a = await analyzeJtl({ files: [path] });
      const started = [...text.slice(0, size).matchAll(/<h/g)].length;
      expect(a.total.count + a.issues.truncatedTails.length, `cut at ${size}`).toBe(started);
      reported += a.issues.truncatedTails.length;
    }
    expect(reported).toBeGreaterThanOrEqual(5);
  });

  it('a malformed attribute (lb="lb="bogus; …") is a malformed record, not a label "lb="', async () => {
    const { text } = xmlJtl(3);
    const bad = text.replace('lb="GET /tools/1"', 'lb="lb="bogus; x"');
    const path = join(dir, 'bad-attr.xml');
    writeFileSync(path, bad);
    const a = await analyzeJtl({ files: [path] });
    expect(a.labels.map((l) => l.label)).toEqual(['GET /tools/0', 'GET /tools/2']);
    expect(a.issues.skippedCount).toBe(1);
    expect(a.issues.skipped[0]).toMatchObject({ line: 12, reason: expect.stringMatching(/^malformed <httpSample>: text right after the value of "lb"/) });
    writeFileSync(path, text.replace('lb="GET /tools/1"', 'lb="GET" /tools/1"'));
    const b = await analyzeJtl({ files: [path] });
    expect(b.issues.skipped[0]?.reason).toMatch(/^malformed <httpSample>: "tools" is not an attribute/);
  });
});
