import { leaf, type Leaf } from '../node.js';
import { intProp } from '../prop-helpers.js';
import type { ControllerChild } from '../placement.js';

/** Runs one child, picked uniformly at random, per iteration. */
export interface RandomController {
  readonly kind: 'randomController';
  readonly name: string;
  readonly children: readonly ControllerChild[];
}

export const randomController = (name: string, children: readonly ControllerChild[]): RandomController => ({
  kind: 'randomController',
  name,
  children,
});

export const randomControllerNode = (c: RandomController): Leaf =>
  leaf('RandomController', 'RandomControlGui', c.name, [intProp('InterleaveControl.style', 1)]);
