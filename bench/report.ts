/**
 * How long `jtl report` takes and how big its page is, against `jtl analyze` on the same file in the same run
 * (the reference: the report should cost about one analysis), and optionally JMeter's dashboard (`jmeter -g`).
 *   node --import tsx bench/report.ts [--samples 500000 | --mb 600] [--skip-jmeter] [--jtl <file>] [--repeat 3]
 * Each `jtl` command runs --repeat times; the fastest run counts.
 * The default JTL: 500,000 samples, 40 labels, 1 % failures (half with a quoted multi-line assertion message), a
 * transaction controller row every 20 samples. Needs `npm run build` (the CLI runs from dist/ in child processes).
 */
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';

import { jmeterBin } from '../test/jmx/jmeter-home.js';
import { generateJtl, HEADER } from '../test/jtl/generate.js';
import { best, measure, type Measure } from './measure.js';

const arg = (name: string) => process.argv.indexOf(`--${name}`);
const value = (name: string) => (arg(name) > 0 ? process.argv[arg(name) + 1] : undefined);
const samples = Number(value('samples') ?? 500_000);
const mb = value('mb') === undefined ? undefined : Number(value('mb'));
const repo = new URL('..', import.meta.url).pathname;
const BLOCK = 100_000;

async function writeJtl(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADER + '\n');
  let written = 0;
  let rows = 0;
  for (let block = 0; mb !== undefined ? written < mb * 1024 * 1024 : rows < samples; block++) {
    const n = mb !== undefined ? BLOCK : Math.min(BLOCK, samples - rows);
    const text = generateJtl({ samples: n, labels: 40, seed: block + 1, errorRate: 0.01, transactionEvery: 20, startMs: 1_795_000_000_000 + block * 150_000 });
    const body = text.slice(HEADER.length + 1);
    written += Buffer.byteLength(body);
    rows += n;
    if (!out.write(body)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const folderBytes = (dir: string): { files: number; bytes: number } =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((acc, e) => ({ files: acc.files + 1, bytes: acc.bytes + statSync(join(e.parentPath, e.name)).size }), { files: 0, bytes: 0 });

const scratch = mkdtempSync(join(tmpdir(), 'jtl-bench-report-'));
try {
  const jtl = value('jtl') ?? join(scratch, 'bench.jtl');
  if (!existsSync(jtl)) await writeJtl(jtl);
  const jtlMb = statSync(jtl).size / 1024 / 1024;
  const cli = [join(repo, 'bin/jtl.js')];
  // Warm the page cache so the first measurement does not pay for the disk.
  await execa('cat', [jtl], { stdout: 'ignore' });
  const results: Measure[] = [];
  const repeat = Number(value('repeat') ?? 3);
  results.push(await best(repeat, () => measure('jtl analyze', process.execPath, [...cli, 'analyze', jtl])));
  results.push(await best(repeat, () => measure('jtl analyze, one thread', process.execPath, [...cli, 'analyze', jtl], { JTL_PARALLEL_MIN_BYTES: 'Infinity' })));
  const out = join(scratch, 'report');
  results.push(await best(repeat, () => measure('jtl report', process.execPath, [...cli, 'report', jtl, '-o', out])));
  const html = statSync(join(out, 'index.html')).size;
  const json = statSync(join(out, 'report.json')).size;
  let dashboard: { files: number; bytes: number } | undefined;
  if (arg('skip-jmeter') < 0) {
    const dir = join(scratch, 'dashboard');
    results.push(await measure('jmeter -g (dashboard)', jmeterBin(), ['-g', jtl, '-o', dir, '-j', join(scratch, 'dashboard.log')], { PATH: process.env.PATH ?? '' }, scratch));
    dashboard = folderBytes(dir);
  }
  const [analyze, oneThread, report] = results as [Measure, Measure, Measure, Measure?];
  console.log(`JTL: ${jtlMb.toFixed(0)} MB${mb === undefined ? `, ${samples.toLocaleString('en')} samples` : ''}, 40 labels`);
  for (const r of results) console.log(`${r.name.padEnd(26)} ${r.seconds.toFixed(2).padStart(7)} s  peak RSS ${r.peakRssMb.toFixed(0).padStart(5)} MB`);
  console.log(`report: index.html ${(html / 1024).toFixed(0)} KB (one file), report.json ${(json / 1024).toFixed(0)} KB`);
  console.log(`jtl report takes ${(report.seconds / analyze.seconds).toFixed(2)}× jtl analyze, ${(report.seconds / oneThread.seconds).toFixed(2)}× its one-thread read`);
  if (dashboard && results[3]) {
    console.log(`JMeter dashboard: ${dashboard.files} files, ${(dashboard.bytes / 1024 / 1024).toFixed(1)} MB; jtl report is ${(results[3].seconds / report.seconds).toFixed(1)}× faster`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
