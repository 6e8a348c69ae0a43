/** Display text of the report's figures; the same rounding as `jtl analyze`'s terminal table. */

export const DASH = '–';

/** A finite number, or null (JSON has no NaN): what the report keeps next to each text. */
export const num = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

/** Milliseconds: whole numbers as they are, others to 0.1 ms (as `jtl analyze`). */
export const fmtMs = (v: number | undefined): string =>
  v === undefined || !Number.isFinite(v) ? DASH : Number.isInteger(v) ? String(v) : v.toFixed(1);

export const fmtFixed = (v: number | undefined, digits: number): string => (v === undefined || !Number.isFinite(v) ? DASH : v.toFixed(digits));

export const fmtInt = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : DASH);

/** 1 h 02 min 05 s, 3 min 20 s, 4.2 s */
export function fmtDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = `${String(m).padStart(h > 0 ? 2 : 1, '0')} min ${String(s % 60).padStart(2, '0')} s`;
  return h > 0 ? `${h} h ${rest}` : rest;
}

/** UTC, to the second: 2026-12-02 05:43:53 UTC */
export const fmtTime = (ms: number): string =>
  Number.isFinite(ms) ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : DASH;

export function fmtMeasure(m: { readonly value: number | undefined; readonly unit: string } | undefined): string {
  if (m === undefined) return '';
  if (m.value === undefined || !Number.isFinite(m.value)) return 'no data';
  const digits = Number.isInteger(m.value) ? 0 : Math.abs(m.value) >= 100 ? 0 : Math.abs(m.value) >= 1 ? 2 : 3;
  const text = m.value.toFixed(digits);
  return m.unit === '' ? text : m.unit === '%' ? `${text} %` : `${text} ${m.unit}`;
}
