import { leaf, type Leaf } from '../node.js';
import { boolProp } from '../prop-helpers.js';
import type { ControllerChild } from '../placement.js';

export interface TransactionController {
  readonly kind: 'transactionController';
  readonly name: string;
  /** Emit one parent sample instead of an extra sample after the children. */
  readonly parentSample: boolean;
  readonly includeTimers: boolean;
  readonly children: readonly ControllerChild[];
}

export const transactionController = (
  name: string,
  o: { parentSample?: boolean; includeTimers?: boolean },
  children: readonly ControllerChild[],
): TransactionController => ({
  kind: 'transactionController',
  name,
  parentSample: o.parentSample ?? false,
  includeTimers: o.includeTimers ?? false,
  children,
});

export const transactionControllerNode = (c: TransactionController): Leaf =>
  leaf('TransactionController', 'TransactionControllerGui', c.name, [
    ...(c.parentSample ? [boolProp('TransactionController.parent', true)] : []),
    boolProp('TransactionController.includeTimers', c.includeTimers),
  ]);
