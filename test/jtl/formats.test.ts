import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterAll, describe, expect, it } from 'vitest';

import { analyzeJtl, type Analysis } from '../../src/jtl/analyze.js';
import { generateJtl, HEADER } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const figures = (a: Analysis) => ({ total: a.total, labels: a.labels });
const csv = generateJtl({ samples: 3000, labels: 4, seed: 3, transactionEvery: 7, subResultsEvery: 11, errorRate: 0.05 });
const reference = () => analyzeJtl({ files: [file('reference.jtl', csv)] });

describe('every CSV dialect JMeter writes gives the same figures', () => {
  it('CRLF line ends', async () => {
    expect(figures(await analyzeJtl({ files: [file('crlf.jtl', csv.replaceAll('\n', '\r\n'))] }))).toEqual(figures(await reference()));
  });

  it('no header: JMeter 5.6.3 default columns', async () => {
    const a = await analyzeJtl({ files: [file('no-header.jtl', csv.slice(HEADER.length + 1))] });
    expect(figures(a)).toEqual(figures(await reference()));
  });

  it('tab and semicolon delimiters (jmeter.save.saveservice.default_delimiter)', async () => {
    // The generated fields hold no tabs or semicolons, so swapping delimiters outside quotes is a plain replace.
    const swap = (d: string) => csv.replace(/("(?:[^"]|"")*")|,/g, (m, q: string | undefined) => q ?? d);
    expect(figures(await analyzeJtl({ files: [file('tab.jtl', swap('\t'))] }))).toEqual(figures(await reference()));
    expect(figures(await analyzeJtl({ files: [file('semi.jtl', swap(';'))] }))).toEqual(figures(await reference()));
  });

  it('gzip, detected from the content whatever the name', async () => {
    expect(figures(await analyzeJtl({ files: [file('results.jtl', gzipSync(csv))] }))).toEqual(figures(await reference()));
  });

  it('several files merge into one analysis (one per load generator)', async () => {
    const second = generateJtl({ samples: 2000, labels: 4, seed: 4, errorRate: 0.05, startMs: 1_795_000_010_000 });
    const merged = await analyzeJtl({ files: [file('gen-1.jtl', csv), file('gen-2.jtl', second)] });
    const together = await analyzeJtl({ files: [file('together.jtl', csv + second.slice(HEADER.length + 1))] });
    expect(figures(merged)).toEqual(figures(together));
    expect(merged.files.map((f) => f.samples).reduce((x, y) => x + y)).toBe(together.files[0]!.samples);
  });

  it('formatted timestamps and extra sample_variables columns', async () => {
    const header = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,bytes,"tenant"';
    const body = ['2026/11/23 10:00:00.000,100,a,200,OK,t,true,10,acme', '2026/11/23 10:00:01.000,300,a,200,OK,t,true,10,null'];
    const a = await analyzeJtl({ files: [file('formatted.jtl', [header, ...body].join('\n') + '\n')] });
    expect(a.total.count).toBe(2);
    expect(a.total.meanMs).toBe(200);
    // Start of the first to the end of the last sample: 1.3 s.
    expect(a.total.throughputPerS).toBeCloseTo(2 / 1.3, 12);
  });
});

describe('XML JTL', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testResults version="1.2">
<httpSample t="120" it="0" lt="60" ct="3" ts="1795000000000" s="true" lb="GET /tools" rc="200" rm="OK" tn="tg 1-1" dt="text" by="900" sby="120" ng="1" na="1">
  <java.net.URL>http://127.0.0.1:4444/tools</java.net.URL>
</httpSample>
<sample t="300" it="0" lt="0" ct="0" ts="1795000000100" s="false" lb="checkout" rc="200" rm="Number of samples in transaction : 2, number of failing samples : 1" tn="tg 1-1" dt="" by="0" sby="0" ng="1" na="1">
  <httpSample t="100" it="0" lt="50" ct="1" ts="1795000000100" s="true" lb="GET /cart" rc="200" rm="OK" tn="tg 1-1" dt="text" by="10" sby="10" ng="1" na="1"/>
  <httpSample t="200" it="0" lt="50" ct="1" ts="1795000000200" s="false" lb="POST /pay" rc="200" rm="OK" tn="tg 1-1" dt="text" by="10" sby="10" ng="1" na="1">
    <assertionResult><name>shape</name><failure>true</failure><error>false</error><failureMessage>no result &#x1; field</failureMessage></assertionResult>
  </httpSample>
</sample>
<httpSample t="80" it="0" lt="40" ct="2" ts="1795000000500" s="true" lb="GET /tools" rc="200" rm="OK" tn="tg 1-1" dt="text" by="900" sby="120" ng="1" na="1">`;

  it('reads samples, nested sub-samples and assertion messages leniently; a killed run is a truncated tail', async () => {
    const a = await analyzeJtl({ files: [file('results.xml', xml)] });
    const row = (label: string) => a.labels.find((l) => l.label === label);
    expect(row('GET /tools')?.count).toBe(1);
    expect(row('checkout')).toMatchObject({ isController: true, count: 1, errors: 1 });
    expect(row('POST /pay')?.failures).toEqual([{ key: 'no result \u0001 field', count: 1 }]);
    expect(a.total.count).toBe(3);
    expect(a.issues.truncatedTails).toHaveLength(1);
  });

  it('the encoding: ISO-8859-1 as declared and UTF-16LE by its byte order mark read right, an unknown one refused with what to do', async () => {
    const sample = '<httpSample t="100" ts="1795000000000" s="true" lb="café" rc="200" rm="OK"/>';
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n<testResults>\n${sample}\n</testResults>\n`, 'latin1');
    const a = await analyzeJtl({ files: [file('latin1.xml', latin1)] });
    expect(a.labels.map((l) => l.label)).toEqual(['café']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>\n<testResults>\n${sample}\n</testResults>\n`, 'utf16le')]);
    const b = await analyzeJtl({ files: [file('utf16.xml', utf16)] });
    expect(b.labels.map((l) => [l.label, l.count, l.meanMs])).toEqual([['café', 1, 100]]);
    const ebcdic = `<?xml version="1.0" encoding="IBM037"?>\n<testResults>\n${sample}\n</testResults>\n`;
    await expect(analyzeJtl({ files: [file('ebcdic.xml', ebcdic)] })).rejects.toMatchObject({ code: 'JTL_UNSUPPORTED_ENCODING', message: expect.stringContaining('iconv -f ibm037 -t UTF-8') as unknown });
  });

  it('a complete XML file gives the same figures as the same samples in CSV', async () => {
    const closed = xml + '\n</httpSample>\n</testResults>\n';
    const fromXml = await analyzeJtl({ files: [file('closed.xml', closed)] });
    const rows = [
      '1795000000000,120,GET /tools,200,OK,tg 1-1,text,true,,900,120,1,1,http://x,60,0,3',
      '1795000000100,100,GET /cart,200,OK,tg 1-1,text,true,,10,10,1,1,http://x,50,0,1',
      '1795000000200,200,POST /pay,200,OK,tg 1-1,text,false,no result \u0001 field,10,10,1,1,http://x,50,0,1',
      '1795000000100,300,checkout,200,"Number of samples in transaction : 2, number of failing samples : 1",tg 1-1,,false,,0,0,1,1,null,0,0,0',
      '1795000000500,80,GET /tools,200,OK,tg 1-1,text,true,,900,120,1,1,http://x,40,0,2',
    ];
    const fromCsv = await analyzeJtl({ files: [file('same.csv', [HEADER, ...rows].join('\n') + '\n')] });
    expect(fromXml.total).toEqual(fromCsv.total);
    expect(fromXml.issues.truncatedTails).toEqual([]);
  });
});

describe('dialects the fast path does not read go through csv-parse, with the same figures', () => {
  /** Rewrites every field of the generated CSV: `quoteField` gets the unescaped text of each quoted field. */
  const rewrite = (delimiter: string, quoteField: (text: string) => string) =>
    csv.replace(/"((?:[^"]|"")*)"|,/g, (m, quoted: string | undefined) => (quoted !== undefined ? quoteField(quoted.replaceAll('""', '"')) : delimiter));

  it('a delimiter of several characters', async () => {
    const text = rewrite('||', (t) => `"${t.replaceAll('"', '""')}"`);
    expect(figures(await analyzeJtl({ files: [file('double-pipe.jtl', text)], dialect: { delimiter: '||' } }))).toEqual(figures(await reference()));
  });

  it("single quotes (doubled inside) and backslash-escaped quotes", async () => {
    const single = rewrite(',', (t) => `'${t.replaceAll("'", "''")}'`);
    expect(figures(await analyzeJtl({ files: [file('single.jtl', single)], dialect: { quote: "'" } }))).toEqual(figures(await reference()));
    const backslash = rewrite(',', (t) => `"${t.replaceAll('"', '\\"')}"`);
    expect(figures(await analyzeJtl({ files: [file('backslash.jtl', backslash)], dialect: { escape: '\\' } }))).toEqual(figures(await reference()));
  });

  it('UTF-16LE, recognised by its byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const a = await analyzeJtl({ files: [file('utf16.jtl', bytes)] });
    expect(figures(a)).toEqual(figures(await reference()));
    expect(a.issues.skippedCount).toBe(0);
  });

  it('latin1 with --encoding: labels decoded right', async () => {
    const text = `${HEADER}\n1795000000000,100,café crème,200,OK,t,text,true,,10,10,1,1,u,50,0,1\n1795000000100,300,café crème,200,OK,t,text,true,,10,10,1,1,u,50,0,1\n`;
    const a = await analyzeJtl({ files: [file('latin1.jtl', Buffer.from(text, 'latin1'))], dialect: { encoding: 'latin1' } });
    expect(a.labels.map((l) => [l.label, l.count, l.meanMs])).toEqual([['café crème', 2, 200]]);
  });

  it('bad records are skipped and counted with their line; a cut-off last record is reported, not counted', async () => {
    const lines = [HEADER, '1795000000000,100,a,200,OK,t,text,true,,10,10,1,1,u,50,0,1', '1795000000100,1x,a,200,OK,t,text,true,,10,10,1,1,u,50,0,1', '1795000000200,300,a,200,OK,t,text,true,,10,10,1,1,u,50,0,1', '1795000000300,400,a,200,OK,t'];
    const text = lines.join('\n').replaceAll(',', ';;');
    const a = await analyzeJtl({ files: [file('bad-fallback.jtl', text)], dialect: { delimiter: ';;' } });
    expect(a.total.count).toBe(2);
    expect(a.issues.skippedCount).toBe(1);
    expect(a.issues.skipped[0]).toMatchObject({ line: 3, reason: 'column "elapsed" is "1x", expected an integer' });
    expect(a.issues.truncatedTails).toMatchObject([{ line: 5, reason: 'the last record has no line end' }]);
  });
});
