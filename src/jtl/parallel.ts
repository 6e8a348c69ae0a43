import { availableParallelism } from 'node:os';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

import type { CsvLayout } from './csv-layout.js';
import type { OpenedJtl } from './open.js';
import { readPart, type PartRequest, type PartResult } from './read-part.js';
import { MAX_LISTED_SKIPS, type ReadIssues } from './sample.js';

/** Below this a second thread costs more than it saves. */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;

/** From the TypeScript sources (tsx, vitest) the worker runs its .ts source through tsx, as this thread does. */
const fromSources = import.meta.url.endsWith('.ts');

export const canSplit = (jtl: OpenedJtl, minBytes = PARALLEL_MIN_BYTES): boolean =>
  jtl.format === 'csv' && !jtl.gzip && jtl.sizeBytes >= minBytes && availableParallelism() > 1;

/**
 * Reads a large plain CSV JTL as two halves on two threads. The second half starts after the first newline past the
 * middle; that newline may sit inside a quoted multi-line field, so the first thread reads on until it meets a record
 * boundary of its own and the halves are used only when that boundary is exactly where the second half started.
 * Otherwise `undefined`: the caller reads the file in one pass.
 */
export async function readCsvInHalves(
  jtl: OpenedJtl,
  layout: CsvLayout,
  part: Omit<PartRequest, 'file' | 'range' | 'dialect'>,
  onProgress?: (samples: number) => void,
): Promise<readonly [PartResult, PartResult] | undefined> {
  const split = await firstLineStartAfter(jtl.file, Math.floor(jtl.sizeBytes / 2));
  if (split === undefined) return undefined;
  // The first half is read on this thread (a second worker would cost its own heap), the second on a worker;
  // progress counts the first half twice, the halves being about equal.
  const [first, second] = await Promise.all([
    readPart({ ...part, file: jtl.file, dialect: {}, range: { start: 0, layout, stopAt: split } }, onProgress && ((n) => onProgress(2 * n))),
    runPart({ ...part, file: jtl.file, dialect: {}, range: { start: split, layout } }),
  ]);
  if (first.stoppedAt?.byteOffset !== split) return undefined;
  // The second half counted lines from 1; its records start on the first half's stopping line.
  const shift = first.stoppedAt.line - 1;
  const moved = <T extends { readonly line: number }>(r: T): T => ({ ...r, line: r.line + shift });
  const issues: ReadIssues = {
    skippedCount: second.issues.skippedCount,
    skipped: second.issues.skipped.map(moved),
    truncatedTails: second.issues.truncatedTails.map(moved),
    ...(second.issues.notes && { notes: second.issues.notes.map(moved) }),
  };
  const counters = { ...second.snapshot.counters, firstZeroLine: new Map([...second.snapshot.counters.firstZeroLine].map(([f, line]) => [f, line + shift])) };
  return [first, { ...second, issues, snapshot: { ...second.snapshot, counters, days: second.snapshot.days.map(moved) } }];
}

/** Joins the issues of the halves, in file order. */
export function mergeIssues(into: ReadIssues, from: ReadIssues): void {
  into.skippedCount += from.skippedCount;
  for (const s of from.skipped) if (into.skipped.length < MAX_LISTED_SKIPS) into.skipped.push(s);
  into.truncatedTails.push(...from.truncatedTails);
  for (const note of from.notes ?? []) (into.notes ??= []).push(note);
}

async function firstLineStartAfter(file: string, offset: number): Promise<number | undefined> {
  const fd = await open(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const { bytesRead } = await fd.read(buf, 0, buf.length, offset);
    const lf = buf.subarray(0, bytesRead).indexOf(0x0a);
    return lf < 0 ? undefined : offset + lf + 1;
  } finally {
    await fd.close();
  }
}



function runPart(request: PartRequest): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    // The worker needs none of this process's Node flags (e.g. --input-type would break it).
    const worker = fromSources
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./parallel-worker.ts', import.meta.url).href)}); })`, { eval: true, workerData: request, execArgv: [] })
      : new Worker(new URL('./parallel-worker.js', import.meta.url), { workerData: request, execArgv: [] });
    worker.once('message', (m: PartResult) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`analyzer thread exited with ${code}`))));
  });
}
