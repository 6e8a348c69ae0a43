import { JtlError } from '../errors.js';

/** Every CSV column JMeter 5.6.3 can write, in its fixed order (CSVSaveService). */
export const KNOWN_COLUMNS = [
  'timeStamp', 'elapsed', 'label', 'responseCode', 'responseMessage', 'threadName', 'dataType', 'success',
  'failureMessage', 'bytes', 'sentBytes', 'grpThreads', 'allThreads', 'URL', 'Filename', 'Latency', 'Encoding',
  'SampleCount', 'ErrorCount', 'Hostname', 'IdleTime', 'Connect',
] as const;

/** The header of a JTL written with JMeter 5.6.3's default settings. */
export const DEFAULT_COLUMNS: readonly string[] = [
  'timeStamp', 'elapsed', 'label', 'responseCode', 'responseMessage', 'threadName', 'dataType', 'success',
  'failureMessage', 'bytes', 'sentBytes', 'grpThreads', 'allThreads', 'URL', 'Latency', 'IdleTime', 'Connect',
];

/** Index of each column the statistics read (-1 when the file does not have it). */
export interface ColumnMap {
  readonly names: readonly string[];
  readonly timeStamp: number;
  readonly elapsed: number;
  readonly label: number;
  readonly responseCode: number;
  readonly responseMessage: number;
  readonly threadName: number;
  readonly success: number;
  readonly failureMessage: number;
  readonly bytes: number;
  readonly sentBytes: number;
  readonly grpThreads: number;
  readonly allThreads: number;
  readonly latency: number;
  readonly idleTime: number;
  readonly connect: number;
}

const known = new Set<string>(KNOWN_COLUMNS);

/** A header row: every name is a JMeter column or a quoted sample variable ("VAR"). */
export const isHeader = (fields: readonly string[]): boolean =>
  fields.length > 1 && fields.includes('timeStamp') || (fields.length > 1 && fields.every((f) => known.has(f) || /^".*"$/.test(f)) && fields.some((f) => known.has(f)));

export function columnMap(names: readonly string[], file: string): ColumnMap {
  const at = (name: string) => names.indexOf(name);
  const map: ColumnMap = {
    names,
    timeStamp: at('timeStamp'), elapsed: at('elapsed'), label: at('label'), responseCode: at('responseCode'),
    responseMessage: at('responseMessage'), threadName: at('threadName'), success: at('success'),
    failureMessage: at('failureMessage'), bytes: at('bytes'), sentBytes: at('sentBytes'), grpThreads: at('grpThreads'),
    allThreads: at('allThreads'), latency: at('Latency'), idleTime: at('IdleTime'), connect: at('Connect'),
  };
  for (const required of ['timeStamp', 'elapsed', 'label', 'success'] as const) {
    if (map[required] < 0) {
      throw new JtlError('JTL_MISSING_COLUMN', `${file}: the header has no "${required}" column, which the statistics need (columns: ${names.join(',')})`, { file, column: required });
    }
  }
  return map;
}
