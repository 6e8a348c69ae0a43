/**
 * How fast `jtl analyze` reads a large JTL, against references measured in the same run on the same file:
 * reading the file and counting its newlines with Buffer#indexOf (the floor), a straightforward csv-parse aggregation, and
 * JMeter's own report generator (`jmeter -g`). Prints wall time, peak RSS and the ratios.
 *   node --import tsx bench/analyze.ts [--mb 600] [--repeat 3] [--skip-jmeter] [--skip-csv-parse] [--skip-memory-cases] [--jtl <file>]
 * The floor and the analyzer runs are each the fastest of --repeat runs (the machine is shared); the slow
 * references run once.
 * With --jtl, that file is measured (generated there first when it does not exist) and kept, for repeated runs.
 * Then the memory cases (bench/memory-cases.ts): 20,000 labels and a 24-hour run, both modes, with their goals.
 * Needs `npm run build` (the analyzer runs from dist/ in a child process, so its RSS is its own).
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

import { jmeterBin } from '../test/jmx/jmeter-home.js';
import { generateJtl, HEADER } from '../test/jtl/generate.js';
import { MEMORY_CASES } from './memory-cases.js';
import { best, measure, type Measure } from './measure.js';

const arg = (name: string) => process.argv.indexOf(`--${name}`);
const mb = arg('mb') > 0 ? Number(process.argv[arg('mb') + 1]) : 600;
const repeat = arg('repeat') > 0 ? Number(process.argv[arg('repeat') + 1]) : 3;
const givenJtl = arg('jtl') > 0 ? process.argv[arg('jtl') + 1] : undefined;
const repo = new URL('..', import.meta.url).pathname;

/** A realistic JTL: default columns, 36 labels, ~1 % failures with multi-line messages, controllers, sub-results. */
async function writeJtl(path: string, targetBytes: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADER + '\n');
  let written = 0;
  for (let block = 0; written < targetBytes; block++) {
    const text = generateJtl({ samples: 100_000, labels: 36, seed: block + 1, errorRate: 0.01, transactionEvery: 50, subResultsEvery: 97, startMs: 1_795_000_000_000 + block * 150_000 });
    const body = text.slice(HEADER.length + 1);
    written += Buffer.byteLength(body);
    if (!out.write(body)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * The floor's read size. On the project machine (604 MB file in the page cache, best of 5, 2026-12-02) synchronous
 * reads of 256 KiB and 1 MiB tied at 0.20 s; 64 KiB, 4 MiB and 16 MiB took 0.22 s, FileHandle#read 0.23–0.39 s.
 */
const FLOOR_CHUNK = 1 << 20;

const node = (script: string, file: string) => [process.execPath, ['--input-type=module', '-e', script, file]] as const;

/**
 * The floor: the least any reader of the file must do — read it (large reads into one reused buffer, no stream
 * machinery) and find its line ends (Buffer#indexOf, native memchr-speed search), nothing else.
 */
const NEWLINE_FLOOR = `
import { closeSync, openSync, readSync } from 'node:fs';
const fd = openSync(process.argv[1], 'r');
const buffer = Buffer.allocUnsafe(${FLOOR_CHUNK});
let n = 0;
for (let bytes; (bytes = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
  const view = bytes === buffer.length ? buffer : buffer.subarray(0, bytes);
  for (let i = view.indexOf(10); i !== -1; i = view.indexOf(10, i + 1)) n++;
}
closeSync(fd);
console.log(n);`;

const CSV_PARSE = `
import { createReadStream } from 'node:fs';
import { parse } from '${repo}node_modules/csv-parse/lib/index.js';
const rows = new Map();
for await (const r of createReadStream(process.argv[1]).pipe(parse({ columns: true }))) {
  let s = rows.get(r.label); if (!s) rows.set(r.label, s = { n: 0, errors: 0, elapsed: [] });
  s.n++; if (r.success !== 'true') s.errors++; s.elapsed.push(Number(r.elapsed));
}
for (const s of rows.values()) s.elapsed.sort((a, b) => a - b);
console.log(rows.size);`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jtl-bench-'));
  const jtl = givenJtl ?? join(dir, 'big.jtl');
  try {
    if (!existsSync(jtl)) {
      process.stdout.write(`generating a ${mb} MB JTL … `);
      await writeJtl(jtl, mb * 1024 * 1024);
    }
    const size = statSync(jtl).size;
    process.stdout.write(`${(size / 1024 / 1024).toFixed(0)} MB\n`);
    const results: Measure[] = [];
    // A first, untimed pass puts the file in the page cache, so no run is charged for the disk.
    await measure('warm-up', ...node(NEWLINE_FLOOR, jtl));
    results.push(await best(repeat, () => measure('newline floor (read + indexOf)', ...node(NEWLINE_FLOOR, jtl))));
    results.push(await best(repeat, () => measure('jtl analyze', process.execPath, [join(repo, 'bin/jtl.js'), 'analyze', jtl, '--statistics-json'])));
    results.push(await best(repeat, () => measure('jtl analyze --jmeter-compat', process.execPath, [join(repo, 'bin/jtl.js'), 'analyze', jtl, '--statistics-json', '--jmeter-compat'])));
    if (arg('skip-csv-parse') < 0) results.push(await measure('csv-parse aggregation', ...node(CSV_PARSE, jtl)));
    if (arg('skip-jmeter') < 0) {
      // jmeter -g writes its temporary graph data under the working directory: keep it in the scratch folder.
      results.push(await measure('jmeter -g', jmeterBin(), ['-g', jtl, '-o', join(dir, 'report'), '-j', join(dir, 'g.log')], { JVM_ARGS: '-Xms1g -Xmx4g' }, dir));
    }
    const ours = results.find((r) => r.name === 'jtl analyze')!;
    console.log(`\n${'run'.padEnd(34)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(7)} ${'peak RSS MB'.padStart(12)}  ratio`);
    for (const r of results) {
      const ratio = r === ours ? '' : r.seconds > ours.seconds ? `jtl analyze is ${(r.seconds / ours.seconds).toFixed(1)}× faster` : `jtl analyze takes ${(ours.seconds / r.seconds).toFixed(2)}× this`;
      console.log(`${r.name.padEnd(34)} ${r.seconds.toFixed(2).padStart(8)} ${(size / 1048576 / r.seconds).toFixed(0).padStart(7)} ${r.peakRssMb.toFixed(0).padStart(12)}  ${ratio}`);
    }
    console.log('\ntargets: ≤ 3× the newline floor, ≥ 15× faster than csv-parse, ≥ 20× faster than jmeter -g, peak RSS < 200 MB');
    if (arg('skip-memory-cases') < 0) await memoryCases(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS where memory used to grow with the number of labels or the run's length. */
async function memoryCases(dir: string): Promise<void> {
  console.log(`\n${'memory case'.padEnd(44)} ${'mode'.padEnd(15)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(6)} ${'peak RSS MB'.padStart(12)}  goal`);
  for (const c of MEMORY_CASES) {
    const path = join(dir, 'case.jtl');
    await c.write(path);
    const size = statSync(path).size;
    for (const mode of ['exact', 'jmeter-compat'] as const) {
      const r = await measure(c.name, process.execPath, [join(repo, 'bin/jtl.js'), 'analyze', path, '--statistics-json', ...(mode === 'exact' ? [] : ['--jmeter-compat'])]);
      const verdict = r.peakRssMb <= c.goalMb ? 'met' : 'NOT MET';
      console.log(`${c.name.padEnd(44)} ${mode.padEnd(15)} ${r.seconds.toFixed(2).padStart(8)} ${(size / 1048576 / r.seconds).toFixed(0).padStart(6)} ${r.peakRssMb.toFixed(0).padStart(12)}  ≤ ${c.goalMb} MB: ${verdict}`);
    }
    rmSync(path);
  }
}

await main();
