import { describe, expect, it } from 'vitest';

import { formatProgressBar, formatProgressLine } from '../../src/output/progress-format.js';
import { advanceProgress, initialMonitorState, type MonitorConfig } from '../../src/runner/progress-monitor.js';
import { isJmeterErrorLine, parseShutdownPort, parseSummariserLine } from '../../src/runner/progress.js';
import type { SummariserLine } from '../../src/runner/types.js';

describe('parseSummariserLine (lines as JMeter 5.6.3 prints them)', () => {
  it('reads an interval line with the thread counts', () => {
    expect(
      parseSummariserLine(
        'summary +    210 in 00:00:06 =   37.9/s Avg:     1 Min:     0 Max:    48 Err:     3 (1.43%) Active: 2 Started: 2 Finished: 0',
      ),
    ).toEqual({
      kind: 'delta', count: 210, elapsedS: 6, ratePerS: 37.9, avgMs: 1, minMs: 0, maxMs: 48, errors: 3, errorPct: 1.43,
      active: 2, started: 2, finished: 0,
    });
  });

  it('reads a total line (no thread counts), hours, a comma decimal and the log4j prefix of jmeter.log', () => {
    const line = parseSummariserLine(
      '2026-11-23 03:47:52,297 INFO o.a.j.r.Summariser: summary = 1234567 in 26:01:05 = 1013,5/s Avg:   234 Min:    12 Max:  1203 Err:     0 (0,00%)',
    );
    expect(line).toMatchObject({ kind: 'total', count: 1234567, elapsedS: 26 * 3600 + 65, ratePerS: 1013.5, errorPct: 0 });
    expect(line?.active).toBeUndefined();
  });

  it('takes `******` (elapsed 0) as an unknown rate and an empty total as such', () => {
    const line = parseSummariserLine(
      'summary =      0 in 00:00:00 = ******/s Avg:     0 Min: 9223372036854775807 Max: -9223372036854775808 Err:     0 (0.00%)',
    );
    expect(line).toMatchObject({ kind: 'total', count: 0 });
    expect(line?.ratePerS).toBeUndefined();
  });

  it('ignores other lines', () => {
    for (const l of ['Creating summariser <summary>', 'Tidying up ...    @ 2026 Nov 23 (1795405672297)', '']) {
      expect(parseSummariserLine(l)).toBeUndefined();
    }
  });
});

describe('JMeter startup and error lines', () => {
  it('finds the UDP stop port', () => {
    expect(parseShutdownPort('Waiting for possible Shutdown/StopTestNow/HeapDump/ThreadDump message on port 4447')).toBe(4447);
    expect(parseShutdownPort('Starting standalone test @ 2026')).toBeUndefined();
  });
  it('recognises fatal lines', () => {
    expect(isJmeterErrorLine("An error occurred: Error in NonGUIDriver Problem loading XML from:'x.jmx'")).toBe(true);
    expect(isJmeterErrorLine('summary +      1 in 00:00:00 =    4.1/s')).toBe(false);
  });
});

const delta = (count: number, ratePerS: number, errors: number, active = 10): SummariserLine => ({
  kind: 'delta', count, elapsedS: 5, ratePerS, avgMs: 10, minMs: 1, maxMs: 90, errors,
  errorPct: count === 0 ? 0 : Math.round((10000 * errors) / count) / 100, active, started: active, finished: 0,
});

function feed(lines: readonly SummariserLine[], config: MonitorConfig) {
  let state = initialMonitorState(config);
  const warnings: string[] = [];
  lines.forEach((line, i) => {
    const next = advanceProgress(state, line, 5 * (i + 1), config);
    state = next.state;
    warnings.push(...next.warnings);
  });
  return { progress: state.progress, warnings };
}

describe('advanceProgress', () => {
  it('sums interval lines into running totals and keeps the last interval rate, errors and threads', () => {
    const { progress } = feed([delta(100, 20, 0), delta(150, 30, 3, 7)], { plannedS: 60 });
    expect(progress).toEqual({ elapsedS: 10, plannedS: 60, samples: 250, errors: 3, ratePerS: 30, errorPct: 2, activeThreads: 7 });
  });

  it('ignores total lines (they repeat the intervals)', () => {
    const total: SummariserLine = { ...delta(100, 20, 0), kind: 'total' };
    expect(feed([delta(100, 20, 0), total], {}).progress.samples).toBe(100);
  });

  it('warns once per error-rate threshold crossed (5 %, 20 %, 50 %)', () => {
    const { warnings } = feed([delta(100, 20, 1), delta(100, 20, 6), delta(100, 20, 7), delta(100, 20, 60)], {});
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/error rate is 6.00% over the last 5 s \(7 failed samples of 200/);
    expect(warnings[1]).toMatch(/error rate is 60.00%/);
  });

  it('warns once when the rate stays well below the target for three intervals, not during a short dip', () => {
    const config = { targetRps: 100 };
    expect(feed([delta(100, 20, 0), delta(100, 20, 0), delta(500, 100, 0), delta(100, 20, 0)], config).warnings).toEqual([]);
    const slow = feed([delta(100, 20, 0), delta(100, 40, 0), delta(100, 45, 0), delta(100, 45, 0)], config).warnings;
    expect(slow).toEqual([expect.stringMatching(/achieved 45.0 req\/s, well below the plan's target of 100 req\/s/)]);
  });

  it('does not judge the rate once every thread has finished', () => {
    expect(feed([delta(1, 1, 0, 0), delta(1, 1, 0, 0), delta(1, 1, 0, 0)], { targetRps: 100 }).warnings).toEqual([]);
  });
});

describe('progress formats', () => {
  const p = { elapsedS: 30, plannedS: 120, samples: 4521, errors: 3, ratePerS: 150.44, errorPct: 0.07, activeThreads: 10 };
  it('draws a bar with elapsed/planned, req/s, error % and threads', () => {
    expect(formatProgressBar(p, 8)).toBe('[##......] 00:30/02:00  150.4 req/s  err 0.07%  threads 10  samples 4521');
  });
  it('prints a plain line without a planned time when it is unknown', () => {
    expect(formatProgressLine({ ...p, plannedS: undefined, elapsedS: 3725 })).toBe(
      'progress 1:02:05 samples=4521 rate=150.4/s errors=0.07% active=10',
    );
  });
});
