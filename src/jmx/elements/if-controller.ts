import { leaf, type Leaf } from '../node.js';
import { boolProp, stringProp } from '../prop-helpers.js';
import type { TextValue } from '../props.js';
import type { ControllerChild } from '../placement.js';

/** Expression mode: the condition must evaluate to exactly `true` (keep it a variable, not a script). */
export interface IfController {
  readonly kind: 'ifController';
  readonly name: string;
  readonly condition: TextValue;
  readonly children: readonly ControllerChild[];
}

export const ifController = (name: string, condition: TextValue, children: readonly ControllerChild[]): IfController => ({
  kind: 'ifController',
  name,
  condition,
  children,
});

export const ifControllerNode = (c: IfController): Leaf =>
  leaf('IfController', 'IfControllerPanel', c.name, [
    stringProp('IfController.condition', c.condition),
    boolProp('IfController.evaluateAll', false),
    boolProp('IfController.useExpression', true),
  ]);
