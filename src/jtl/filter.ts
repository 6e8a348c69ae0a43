import type { Sample } from '../stats/sample.js';

export interface SampleFilterOptions {
  /** Only labels this expression matches (it searches: anchor it with ^…$ for a full match). */
  readonly labels?: RegExp;
  /** Only samples that start in [from, to], epoch ms. */
  readonly from?: number;
  readonly to?: number;
}

/** The --labels / --from / --to filters (a label search; start times within [from, to]). */
export function sampleFilter(o: SampleFilterOptions): (s: Sample) => boolean {
  const { labels, from, to } = o;
  if (labels === undefined && from === undefined && to === undefined) return () => true;
  return (s) => (labels === undefined || labels.test(s.label)) && (from === undefined || s.timeStamp >= from) && (to === undefined || s.timeStamp <= to);
}
