import type { GroupLoad, PlanLoad } from '../plans/shape.js';

const figures = (l: { threads: number; targetRps?: number; durationS: number; rampUpS?: number }, upTo = ''): string =>
  `${upTo}${l.threads} threads, ${l.targetRps === undefined ? 'no rate target' : `${upTo}${l.targetRps} req/s`}, ${l.durationS} s` +
  (l.rampUpS ? ` (ramp-up ${l.rampUpS} s)` : '');

/** The load a run will have, printed before JMeter starts: `load: 400 threads, 4000 req/s, 1800 s (ramp-up 120 s)`. */
export function formatLoad(load: PlanLoad, profile?: string): string {
  const scale = load.timeScale === 1 ? '' : `, TIME_SCALE=${load.timeScale}`;
  const head = `load: ${figures(load, load.sequential ? 'up to ' : '')} [profile ${profile ?? 'none: plan defaults'}${scale}]`;
  if (load.groups.length < 2) return head;
  return [head, ...load.groups.map((g: GroupLoad) => `  ${g.label}: ${figures(g)}`)].join('\n');
}
