/**
 * How fast XML JTLs are read: the byte-level reader against sax (its reference, and the reader of non-UTF-8 XML)
 * on the same generated file, both in this process, then `jtl analyze` end to end.
 *   node --import tsx bench/analyze-xml.ts [--mb 200]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';

import { openJtl } from '../src/jtl/open.js';
import type { ReadIssues } from '../src/jtl/sample.js';
import { readXmlJtl } from '../src/jtl/xml-reader.js';
import { readXmlJtlWithSax } from '../src/jtl/xml-sax-reader.js';

const at = process.argv.indexOf('--mb');
const mb = at > 0 ? Number(process.argv[at + 1]) : 200;
const repo = new URL('..', import.meta.url).pathname;

/** JMeter's XML layout: 36 labels, 1 % failures with an assertion result, some response data. */
async function writeXml(path: string, targetBytes: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testResults version="1.2">\n');
  let written = 0;
  for (let i = 0; written < targetBytes; i++) {
    const ok = i % 100 !== 0;
    const text =
      `<httpSample t="${(i * 7919) % 900}" it="0" lt="${(i * 31) % 300}" ct="${i % 3}" ts="${1_795_000_000_000 + i * 3}" s="${ok}" lb="GET /api/${i % 36}" rc="${ok ? 200 : 500}" rm="${ok ? 'OK' : 'Server Error'}" tn="tg 1-${i % 8}" dt="text" by="${400 + (i % 600)}" sby="120" ng="8" na="8">\n` +
      (ok ? '' : '  <assertionResult>\n    <name>status</name>\n    <failure>true</failure>\n    <error>false</error>\n    <failureMessage>Expected 200 but was 500</failureMessage>\n  </assertionResult>\n') +
      (i % 10 === 0 ? `  <responseData class="java.lang.String">{&quot;result&quot;: &quot;${'x'.repeat(200)}&quot;}</responseData>\n` : '') +
      '  <java.net.URL>http://127.0.0.1:4444/api/x</java.net.URL>\n</httpSample>\n';
    written += text.length;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end('</testResults>\n');
  await once(out, 'finish');
}

async function seconds(read: typeof readXmlJtl, file: string): Promise<number> {
  const issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
  const started = process.hrtime.bigint();
  await read(await openJtl(file), issues, () => {});
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const dir = mkdtempSync(join(tmpdir(), 'jtl-bench-xml-'));
try {
  const file = join(dir, 'big.xml');
  await writeXml(file, mb * 1024 * 1024);
  const size = statSync(file).size / 1048576;
  const fast = await seconds(readXmlJtl, file);
  const sax = await seconds(readXmlJtlWithSax, file);
  const started = process.hrtime.bigint();
  await execa(process.execPath, [join(repo, 'bin/jtl.js'), 'analyze', file, '--statistics-json']);
  const analyze = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${size.toFixed(0)} MB XML JTL`);
  console.log(`byte-level reader   ${fast.toFixed(2)} s  ${(size / fast).toFixed(0)} MB/s`);
  console.log(`sax reader          ${sax.toFixed(2)} s  ${(size / sax).toFixed(0)} MB/s  (the byte-level reader is ${(sax / fast).toFixed(1)}× faster)`);
  console.log(`jtl analyze         ${analyze.toFixed(2)} s  ${(size / analyze).toFixed(0)} MB/s  (end to end, from dist/)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
