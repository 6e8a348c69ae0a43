import type { RecordView } from './scanner.js';

/** The text of field `k`, with doubled quotes undone. */
export function fieldText(r: RecordView, k: number): string {
  if (k < 0 || k >= r.count) return '';
  const text = r.buf.toString('utf8', r.starts[k], r.ends[k]);
  return r.escaped[k] === 1 ? text.replaceAll('""', '"') : text;
}

/**
 * A whole number read straight from the bytes (no string). Surrounding spaces are allowed, as JMeter's report
 * generator trims; NaN for anything else, including an empty field.
 */
export function fieldInteger(r: RecordView, k: number): number {
  if (k < 0 || k >= r.count) return Number.NaN;
  const buf = r.buf;
  const start = r.starts[k] as number;
  const end = r.ends[k] as number;
  // The common case: nothing but digits.
  let value = 0;
  let i = start;
  for (; i < end; i++) {
    const d = (buf[i] as number) - 0x30;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  return i === end && end > start ? value : paddedOrSignedInteger(buf, start, end);
}

function paddedOrSignedInteger(buf: Buffer, start: number, end: number): number {
  let i = start;
  while (i < end && buf[i] === 0x20) i++;
  while (end > i && buf[end - 1] === 0x20) end--;
  let sign = 1;
  if (buf[i] === 0x2d) {
    sign = -1;
    i++;
  }
  if (i >= end) return Number.NaN;
  let value = 0;
  for (; i < end; i++) {
    const d = (buf[i] as number) - 0x30;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return sign * value;
}

/** `true`, case-insensitive, as Java's Boolean.valueOf; anything else is false. */
export function fieldIsTrue(r: RecordView, k: number): boolean {
  if (k < 0 || k >= r.count) return false;
  const s = r.starts[k] as number;
  if ((r.ends[k] as number) - s !== 4) return false;
  const b = r.buf;
  return ((b[s] as number) | 0x20) === 0x74 && ((b[s + 1] as number) | 0x20) === 0x72 && ((b[s + 2] as number) | 0x20) === 0x75 && ((b[s + 3] as number) | 0x20) === 0x65;
}

/** Whether field `k` starts with the given ASCII prefix (checked on bytes, no string). */
export function fieldStartsWith(r: RecordView, k: number, prefix: Buffer): boolean {
  if (k < 0 || k >= r.count) return false;
  const s = r.starts[k] as number;
  if ((r.ends[k] as number) - s < prefix.length) return false;
  return r.buf.compare(prefix, 0, prefix.length, s, s + prefix.length) === 0;
}
