import { ToolkitError } from '../errors.js';
import type { WindowCell, WindowedLabel, WindowedRun } from '../stats/label-windows.js';
import { EXACT_BELOW, SUB_BUCKETS } from '../stats/log-buckets.js';
import { METRICS, type LabelFigures, type RunDigest } from './types.js';

export const BASELINE_FORMAT = 'jtl-compare-baseline';
export const BASELINE_VERSION = 1;

/** A window cell as [window, count, errors, sumMs, [bucket, count, bucket gap, count, …]]. */
type CellJson = [number, number, number, number, number[]];
interface LabelWindowsJson { readonly label: string; readonly isController: boolean; readonly cells: CellJson[] }

/**
 * The saved baseline: a lossless copy of a RunDigest (figures, and per-window counts, errors and log-bucket
 * histograms), so comparing with it decides exactly as comparing with the JTLs it came from. Its size depends
 * on labels × windows (≤ 32) × occupied buckets, never on the number of samples.
 */
export function baselineJson(digest: RunDigest, savedAt: Date): string {
  const w = digest.windows;
  const label = (l: WindowedLabel): LabelWindowsJson => ({
    label: l.label,
    isController: l.isController,
    cells: l.windows.flatMap((c, i) => (c === undefined ? [] : [cellJson(i, c)])),
  });
  const figures = (f: LabelFigures) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v]));
  return JSON.stringify({
    format: BASELINE_FORMAT,
    version: BASELINE_VERSION,
    savedAt: savedAt.toISOString(),
    files: digest.files,
    ...(digest.plan !== undefined && { plan: digest.plan }),
    ...(digest.warnings && { warnings: digest.warnings }),
    buckets: { exactBelowMs: EXACT_BELOW, perOctave: SUB_BUCKETS },
    labels: digest.labels.map(figures),
    total: figures(digest.total),
    windows: { windowMs: w.windowMs, originMs: w.originMs, windowCount: w.windowCount, firstMs: w.firstMs, lastMs: w.lastMs, labels: w.labels.map(label), total: label(w.total) },
  }) + '\n';
}

function cellJson(i: number, c: WindowCell): CellJson {
  const flat: number[] = [];
  let previous = 0;
  for (const [b, n] of c.buckets) {
    flat.push(b - previous, n);
    previous = b;
  }
  return [i, c.count, c.errors, c.sumMs, flat];
}

/** Reads a saved baseline back into a digest; anything unexpected is a CMP_BAD_BASELINE naming the file. */
export function parseBaseline(text: string, file: string): RunDigest {
  const bad = (what: string) => new ToolkitError('CMP_BAD_BASELINE', `${file}: not a usable baseline (${what}); save one with \`jtl baseline save <jtl|run folder> -o ${file}\``, { file });
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('not JSON');
  }
  if (json?.format !== BASELINE_FORMAT) throw bad(`format is not "${BASELINE_FORMAT}"`);
  if (json.version !== BASELINE_VERSION) throw bad(`version ${String(json.version)}; this jtl reads version ${BASELINE_VERSION}`);
  if (json.buckets?.exactBelowMs !== EXACT_BELOW || json.buckets?.perOctave !== SUB_BUCKETS) throw bad('saved with other histogram buckets');
  const w = json.windows;
  const count = w?.windowCount;
  if (!Number.isInteger(count) || count < 0 || !Array.isArray(w.labels) || !Array.isArray(json.labels)) throw bad('windows or labels missing');
  for (const k of ['windowMs', 'originMs', 'firstMs', 'lastMs']) if (typeof w[k] !== 'number') throw bad(`windows.${k} missing`);
  const windowed = (l: any): WindowedLabel => {
    if (typeof l?.label !== 'string' || !Array.isArray(l.cells)) throw bad('a window row without label or cells');
    const windows: Array<WindowCell | undefined> = Array.from({ length: count }, () => undefined);
    for (const cell of l.cells) windows[cellIndex(cell, count, bad)] = parseCell(cell, bad);
    return { label: l.label, isController: l.isController === true, windows };
  };
  const windows: WindowedRun = {
    windowMs: w.windowMs, originMs: w.originMs, windowCount: count, firstMs: w.firstMs, lastMs: w.lastMs,
    labels: w.labels.map(windowed), total: windowed(w.total),
  };
  return {
    files: Array.isArray(json.files) ? json.files.map(String) : [],
    ...(typeof json.plan === 'string' && { plan: json.plan }),
    ...(Array.isArray(json.warnings) && { warnings: json.warnings.map(String) }),
    labels: json.labels.map((f: any) => figures(f, bad)),
    total: figures(json.total, bad),
    windows,
  };
}

function cellIndex(cell: unknown, count: number, bad: (w: string) => Error): number {
  const i = Array.isArray(cell) ? cell[0] : undefined;
  if (!Number.isInteger(i) || i < 0 || i >= count) throw bad('a window cell out of range');
  return i as number;
}

function parseCell(cell: any[], bad: (w: string) => Error): WindowCell {
  const [, n, errors, sumMs, flat] = cell;
  if (![n, errors, sumMs].every((v) => typeof v === 'number') || !Array.isArray(flat) || flat.length % 2 !== 0) throw bad('a malformed window cell');
  const buckets: Array<[number, number]> = [];
  let b = 0;
  for (let k = 0; k < flat.length; k += 2) {
    b += flat[k];
    buckets.push([b, flat[k + 1]]);
  }
  return { count: n, errors, sumMs, buckets };
}

function figures(f: any, bad: (w: string) => Error): LabelFigures {
  if (typeof f?.label !== 'string') throw bad('a label without a name');
  const out: Record<string, unknown> = { label: f.label, isController: f.isController === true };
  for (const m of METRICS) {
    if (f[m] !== null && typeof f[m] !== 'number') throw bad(`"${f.label}" has no ${m}`);
    out[m] = f[m] === null ? Number.NaN : f[m];
  }
  out.errors = typeof f.errors === 'number' ? f.errors : 0;
  return out as unknown as LabelFigures;
}
