import { leaf, type Leaf } from '../node.js';
import { stringProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';

export interface ConstantTimer {
  readonly kind: 'constantTimer';
  readonly name: string;
  readonly delayMs: IntValue;
}

export const constantTimer = (delayMs: IntValue, name = 'Constant Timer'): ConstantTimer => ({
  kind: 'constantTimer',
  name,
  delayMs,
});

export const constantTimerNode = (t: ConstantTimer): Leaf =>
  leaf('ConstantTimer', 'ConstantTimerGui', t.name, [stringProp('ConstantTimer.delay', t.delayMs)]);
