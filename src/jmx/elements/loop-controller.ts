import { leaf, type Leaf } from '../node.js';
import { loopsProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';
import type { ControllerChild } from '../placement.js';

export interface LoopController {
  readonly kind: 'loopController';
  readonly name: string;
  readonly loops: IntValue;
  readonly children: readonly ControllerChild[];
}

export const loopController = (name: string, loops: IntValue, children: readonly ControllerChild[]): LoopController => ({
  kind: 'loopController',
  name,
  loops,
  children,
});

export const loopControllerNode = (c: LoopController): Leaf =>
  leaf('LoopController', 'LoopControlPanel', c.name, [loopsProp(c.loops)]);
