import { controllerKind, type WritableSample } from './sample.js';

/** The attributes of an XML JTL sample the statistics read (JMeter's short names). */
export const SAMPLE_ATTRIBUTES = ['t', 'lt', 'ct', 'ts', 's', 'lb', 'rc', 'rm', 'by', 'sby', 'na'] as const;
export type SampleAttributes = Partial<Record<(typeof SAMPLE_ATTRIBUTES)[number], string>>;

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Undoes XML escapes: the five named entities and character references. XStream writes control characters as
 * `&#xNN;`, which XML 1.0 forbids; they are decoded like any other.
 */
export const decodeXmlText = (text: string): string =>
  text.includes('&')
    ? text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (m, ref: string) =>
        ref[0] !== '#' ? (NAMED[ref.toLowerCase()] ?? m) : String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)))
    : text;

/** An integer attribute: digits with an optional sign, spaces around allowed; NaN for anything else. */
function integer(text: string): number {
  let value = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  if (i === text.length && i > 0) return value;
  return /^\s*-?\d+\s*$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
}

/** A sample from its (decoded) attributes, or what is wrong with them. */
export function sampleFromAttributes(a: SampleAttributes): WritableSample | string {
  const required = (name: 'ts' | 't') => integer(a[name] ?? '');
  const optional = (name: 'lt' | 'ct' | 'by' | 'sby' | 'na') => (a[name] === undefined ? 0 : integer(a[name]));
  const sample = {
    timeStamp: required('ts'), elapsedMs: required('t'), label: a.lb ?? '', responseCode: a.rc ?? '',
    responseMessage: a.rm ?? '', success: (a.s ?? 'true').toLowerCase() === 'true', failureMessage: '',
    bytes: optional('by'), sentBytes: optional('sby'), allThreads: optional('na'), latencyMs: optional('lt'), connectMs: optional('ct'),
    controller: controllerKind(a.rm ?? ''),
  };
  if (Number.isNaN(sample.timeStamp)) return `attribute "ts" is "${(a.ts ?? '').slice(0, 40)}", expected epoch ms`;
  for (const [name, value] of [['t', sample.elapsedMs], ['lt', sample.latencyMs], ['ct', sample.connectMs], ['by', sample.bytes], ['sby', sample.sentBytes], ['na', sample.allThreads]] as const) {
    if (Number.isNaN(value)) return `attribute "${name}" is "${(a[name] ?? '').slice(0, 40)}", expected an integer`;
  }
  return sample;
}
