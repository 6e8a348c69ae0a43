import { leaf, type Leaf } from '../node.js';
import { stringProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';
import type { ControllerChild } from '../placement.js';

/** Runtime Controller: repeats its children until `seconds` have passed (the current child finishes first). */
export interface RuntimeController {
  readonly kind: 'runtimeController';
  readonly name: string;
  readonly seconds: IntValue;
  readonly children: readonly ControllerChild[];
}

export const runtimeController = (name: string, seconds: IntValue, children: readonly ControllerChild[]): RuntimeController => ({
  kind: 'runtimeController',
  name,
  seconds,
  children,
});

export const runtimeControllerNode = (c: RuntimeController): Leaf =>
  leaf('RunTime', 'RunTimeGui', c.name, [stringProp('RunTime.seconds', c.seconds)]);
