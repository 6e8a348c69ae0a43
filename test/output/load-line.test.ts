import { describe, expect, it } from 'vitest';

import { formatLoad } from '../../src/output/load-line.js';
import { findPlan } from '../../src/plans/catalogue.js';

describe('the effective load printed before a run starts', () => {
  it('a single group: threads, rate, duration, ramp-up and the profile', () => {
    const load = findPlan('rest_api_baseline')!.loadUnder(new Map());
    expect(formatLoad(load, 'production')).toBe('load: 100 threads, 1000 req/s, 600 s (ramp-up 60 s) [profile production]');
  });

  it('split groups (load_test): the total, then REST_SHARE % to REST and the rest to MCP', () => {
    const load = findPlan('load_test')!.loadUnder(new Map([['REST_SHARE', '70']]));
    expect(formatLoad(load, 'production')).toBe(
      [
        'load: 400 threads, 4000 req/s, 1800 s (ramp-up 120 s) [profile production]',
        '  REST: 280 threads, 2800 req/s, 1800 s (ramp-up 120 s)',
        '  MCP: 120 threads, 1200 req/s, 1800 s (ramp-up 120 s)',
      ].join('\n'),
    );
  });

  it('phases: the highest phase, then each phase; TIME_SCALE when it is not 1', () => {
    const load = findPlan('spike_test')!.loadUnder(new Map([['TIME_SCALE', '0.1']]));
    expect(formatLoad(load)).toBe(
      [
        'load: up to 2000 threads, up to 10000 req/s, 51 s (ramp-up 1 s) [profile none: plan defaults, TIME_SCALE=0.1]',
        '  baseline: 200 threads, 1000 req/s, 12 s (ramp-up 1 s)',
        '  spike: 2000 threads, 10000 req/s, 15 s (ramp-up 3 s)',
        '  recovery: 200 threads, 1000 req/s, 12 s',
        '  verify: 200 threads, 1000 req/s, 12 s',
      ].join('\n'),
    );
  });
});
