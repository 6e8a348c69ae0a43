import { seededRandom } from '../stats/random.js';

/** The block length of the circular block bootstrap: ⌈W^(1/3)⌉ windows, the usual rate for a mean-like statistic. */
export const blockLength = (windowCount: number): number => Math.max(1, Math.ceil(Math.cbrt(windowCount)));

/**
 * `replicates` resamplings of the windows 0..windowCount-1 by the circular block bootstrap: blocks of
 * consecutive windows with random starts (wrapping at the end), concatenated up to windowCount windows. Keeping
 * neighbours together keeps the slow periods, queues and GC pauses that make neighbouring windows alike.
 * Returned flat: replicate r uses indices [r·W, (r+1)·W).
 */
export function blockResamples(windowCount: number, replicates: number, seed: number): Uint32Array {
  const random = seededRandom(seed);
  const length = blockLength(windowCount);
  const out = new Uint32Array(windowCount * replicates);
  let k = 0;
  for (let r = 0; r < replicates; r++) {
    let filled = 0;
    while (filled < windowCount) {
      const start = Math.floor(random() * windowCount);
      for (let j = 0; j < length && filled < windowCount; j++, filled++) out[k++] = (start + j) % windowCount;
    }
  }
  return out;
}
