import { afterEach, describe, expect, it, vi } from 'vitest';

import { runProgressView } from '../../src/output/run-progress.js';
import { findPlan } from '../../src/plans/catalogue.js';
import type { ProgressState, RunEvent } from '../../src/runner/types.js';

const started: RunEvent = {
  kind: 'started',
  folder: { dir: 'results/rest_api_baseline_1', planCopy: 'p.jmx', jtl: 'r.jtl', log: 'j.log', properties: 'r.properties', summary: 's.json' },
  jmeter: { bin: '/opt/jmeter/bin/jmeter', source: 'PATH' },
  plan: { name: 'rest_api_baseline', path: 'plans/rest_api_baseline.jmx', requiredProperties: [] },
  load: findPlan('rest_api_baseline')!.loadUnder(new Map()),
};
const state: ProgressState = { elapsedS: 3, plannedS: 5, samples: 120, errors: 0, ratePerS: 40, errorPct: 0, activeThreads: 2 };

/** What a stream received, write by write. */
const sink = (isTTY: boolean) => {
  const writes: string[] = [];
  return { out: { isTTY, write: (text: string) => writes.push(text) }, writes };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the progress of jtl run on stderr', () => {
  it('without a terminal: one plain line per event, nothing redrawn', () => {
    const { out, writes } = sink(false);
    const view = runProgressView(out, 'production');
    view.onEvent(started);
    view.onEvent({ kind: 'progress', state });
    view.onEvent({ kind: 'warning', message: 'slow' });
    view.onEvent({ kind: 'stopping', step: 'Shutdown' });
    view.onLine('Tidying up');
    view.done();
    expect(writes).toEqual([
      'running rest_api_baseline with JMeter (/opt/jmeter/bin/jmeter) into results/rest_api_baseline_1\n',
      'load: 100 threads, 1000 req/s, 600 s (ramp-up 60 s) [profile production]\n',
      'progress 00:03/00:05 samples=120 rate=40.0/s errors=0.00% active=2\n',
      'warning: slow\n',
      'stopping JMeter: Shutdown\n',
      'jmeter: Tidying up\n',
    ]);
  });

  it('on a terminal: the bar is redrawn in place, ticks every second, steps aside for a message and is cleared at the end', () => {
    vi.useFakeTimers({ now: 0 });
    const { out, writes } = sink(true);
    const view = runProgressView(out);
    const bar = '[##############..........] 00:03/00:05  40.0 req/s  err 0.00%  threads 2  samples 120';
    view.onEvent({ kind: 'progress', state });
    expect(writes).toEqual([`\r\x1b[2K${bar}`]);
    vi.advanceTimersByTime(1000);
    expect(writes[1]).toBe('\r\x1b[2K[###################.....] 00:04/00:05  40.0 req/s  err 0.00%  threads 2  samples 120');
    writes.length = 0;
    view.onEvent({ kind: 'warning', message: 'slow' });
    expect(writes).toEqual(['\r\x1b[2K', 'warning: slow\n', '\r\x1b[2K[###################.....] 00:04/00:05  40.0 req/s  err 0.00%  threads 2  samples 120']);
    writes.length = 0;
    view.done();
    vi.advanceTimersByTime(5000);
    expect(writes).toEqual(['\r\x1b[2K']);
  });
});
