import { JtlError } from '../errors.js';

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
  readonly success: number;
  readonly failureMessage: number;
  readonly bytes: number;
  readonly sentBytes: number;
  readonly allThreads: number;
  readonly latency: number;
  readonly connect: number;
}

export function columnMap(names: readonly string[], file: string): ColumnMap {
  const at = (name: string) => names.indexOf(name);
  const map: ColumnMap = {
    names,
    timeStamp: at('timeStamp'), elapsed: at('elapsed'), label: at('label'), responseCode: at('responseCode'),
    responseMessage: at('responseMessage'), success: at('success'),
    failureMessage: at('failureMessage'), bytes: at('bytes'), sentBytes: at('sentBytes'),
    allThreads: at('allThreads'), latency: at('Latency'), connect: at('Connect'),
  };
  for (const required of ['timeStamp', 'elapsed', 'label', 'success'] as const) {
    if (map[required] < 0) {
      throw new JtlError('JTL_MISSING_COLUMN', `${file}: the header has no "${required}" column, which the statistics need (columns: ${names.join(',')})`, { file, column: required });
    }
  }
  return map;
}
