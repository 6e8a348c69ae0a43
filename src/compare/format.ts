/** Numbers in the comparison's evidence and tables: a sign on deltas, digits that suit the unit. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  const digits = unit === '%' || unit === 'points' ? 2 : unit === 'samples' ? 0 : Math.abs(value) >= 100 ? 0 : 1;
  const text = value.toFixed(digits);
  return unit === 'samples' ? text : unit === '%' ? `${text} %` : `${text} ${unit}`;
}

export function formatDelta(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  const text = formatValue(Math.abs(value), unit === '%' ? 'points' : unit);
  return `${value < 0 ? '−' : '+'}${text}`;
}

export function formatRelative(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${value < 0 ? '−' : '+'}${Math.abs(value * 100).toFixed(1)} %`;
}

/** '95 % CI of the delta −3.1..+4.0 ms'. */
export function formatInterval(level: number, low: number, high: number, unit: string): string {
  const u = unit === '%' ? 'points' : unit;
  const bare = (v: number) => `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(u === 'points' ? 2 : Math.abs(v) >= 100 ? 0 : 1)}`;
  return `${Math.round(level * 100)} % CI of the delta ${bare(low)}..${bare(high)} ${u}`;
}
