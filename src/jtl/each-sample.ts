import { fastPathReads } from './csv-layout.js';
import { readCsvJtlWithCsvParse } from './csv-parse-reader.js';
import { readCsvJtl } from './csv-reader.js';
import { openJtl } from './open.js';
import type { Sample } from '../stats/sample.js';
import type { ReadIssues } from './sample.js';
import { readXmlJtl } from './xml-reader.js';
import { readXmlJtlWithSax } from './xml-sax-reader.js';

/** Every sample of one JTL (CSV or XML, plain or gzip) in file order, for callers with their own arithmetic. */
export async function eachSample(file: string, onSample: (s: Sample) => void): Promise<ReadIssues> {
  const issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
  const jtl = await openJtl(file);
  if (jtl.format === 'xml') await (jtl.encoding === 'utf8' ? readXmlJtl : readXmlJtlWithSax)(jtl, issues, onSample);
  else if (fastPathReads({}, jtl.encoding)) await readCsvJtl(jtl, {}, issues, onSample);
  else await readCsvJtlWithCsvParse(jtl, {}, issues, onSample);
  return issues;
}
