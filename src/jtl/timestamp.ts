const FORMATTED = /^(\d{4})[/-](\d{2})[/-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?$/;
const US_SHORT = /^(\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * A timestamp written with a jmeter.save.saveservice.timestamp_format pattern instead of epoch ms: the patterns
 * JMeter's own loader falls back to (yyyy/MM/dd HH:mm:ss[.SSS], yyyy-MM-dd …, MM/dd/yy HH:mm:ss) and ISO 8601.
 * Local time, as JMeter writes them in the JVM's zone. NaN when unrecognised.
 */
export function parseFormattedTimestamp(text: string): number {
  const t = text.trim();
  let m = FORMATTED.exec(t);
  if (m !== null) {
    const [, y, mo, d, h, mi, s, ms = '0'] = m;
    return new Date(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, +ms.padEnd(3, '0')).getTime();
  }
  m = US_SHORT.exec(t);
  if (m !== null) {
    const [, mo, d, y, h, mi, s] = m;
    return new Date(2000 + +y!, +mo! - 1, +d!, +h!, +mi!, +s!).getTime();
  }
  return /^\d{4}-\d{2}-\d{2}T/.test(t) ? Date.parse(t) : Number.NaN;
}
