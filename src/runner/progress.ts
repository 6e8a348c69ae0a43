import type { SummariserLine } from './types.js';

/** The summariser line, see jtl-semantics.md §4.3 (`,` accepted as decimal separator for other locales). */
const SUMMARISER =
  /^(?:.*Summariser: )?(\S+) ([+=]) +(\d+) in (\d+):(\d\d):(\d\d) = +([\d.,]+|\*+)\/s Avg: +(-?\d+) Min: +(-?\d+) Max: +(-?\d+) Err: +(\d+) \(([\d.,]+)%\)(?: Active: (\d+) Started: (\d+) Finished: (\d+))?\s*$/;

const SHUTDOWN_PORT = /^Waiting for possible Shutdown\/StopTestNow\/HeapDump\/ThreadDump message on port (\d+)/;

/** Lines by which JMeter reports a fatal problem (it then exits 1). */
const ERROR_LINE = /^(An error occurred|Error in NonGUIDriver|Error generating the report|Failed to create UDP port|Exception in thread|java\.\S+(Exception|Error)\b)/;

const num = (text: string): number => Number(text.replace(',', '.'));

/** Parses one line of JMeter's non-GUI stdout; undefined when it is not a summariser line. */
export function parseSummariserLine(line: string): SummariserLine | undefined {
  const m = SUMMARISER.exec(line);
  if (!m) return undefined;
  const g = (i: number): string => m[i] ?? '';
  const rate = g(7).startsWith('*') ? undefined : num(g(7));
  return {
    kind: g(2) === '+' ? 'delta' : 'total',
    count: Number(g(3)),
    elapsedS: Number(g(4)) * 3600 + Number(g(5)) * 60 + Number(g(6)),
    ...(rate !== undefined && { ratePerS: rate }),
    avgMs: Number(g(8)),
    minMs: Number(g(9)),
    maxMs: Number(g(10)),
    errors: Number(g(11)),
    errorPct: num(g(12)),
    ...(m[13] !== undefined && { active: Number(m[13]), started: Number(g(14)), finished: Number(g(15)) }),
  };
}

/** The UDP port on which JMeter listens for Shutdown/StopTestNow, from its startup line. */
export function parseShutdownPort(line: string): number | undefined {
  const m = SHUTDOWN_PORT.exec(line);
  return m ? Number(m[1]) : undefined;
}

export const isJmeterErrorLine = (line: string): boolean => ERROR_LINE.test(line);
