import { leaf, type Leaf } from '../node.js';
import { stringProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';

/** Pause of delayMs + uniform(0, rangeMs) before each sampler in scope. */
export interface UniformRandomTimer {
  readonly kind: 'uniformRandomTimer';
  readonly name: string;
  readonly delayMs: IntValue;
  readonly rangeMs: IntValue;
}

export const uniformRandomTimer = (
  o: { delayMs: IntValue; rangeMs: IntValue },
  name = 'Uniform Random Timer',
): UniformRandomTimer => ({ kind: 'uniformRandomTimer', name, ...o });

export const uniformRandomTimerNode = (t: UniformRandomTimer): Leaf =>
  leaf('UniformRandomTimer', 'UniformRandomTimerGui', t.name, [
    stringProp('ConstantTimer.delay', t.delayMs),
    stringProp('RandomTimer.range', t.rangeMs),
  ]);
