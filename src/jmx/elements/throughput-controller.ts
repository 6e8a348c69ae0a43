import { leaf, type Leaf } from '../node.js';
import { boolProp, intProp, stringProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';
import type { ControllerChild } from '../placement.js';

/** Percent-executions mode: runs its children in `percent` % of the iterations (deterministic spread). */
export interface ThroughputController {
  readonly kind: 'throughputController';
  readonly name: string;
  readonly percent: IntValue;
  readonly perThread: boolean;
  readonly children: readonly ControllerChild[];
}

export const throughputController = (
  name: string,
  o: { percent: IntValue; perThread?: boolean },
  children: readonly ControllerChild[],
): ThroughputController => ({ kind: 'throughputController', name, percent: o.percent, perThread: o.perThread ?? false, children });

export const throughputControllerNode = (c: ThroughputController): Leaf =>
  leaf('ThroughputController', 'ThroughputControllerGui', c.name, [
    intProp('ThroughputController.style', 1),
    boolProp('ThroughputController.perThread', c.perThread),
    intProp('ThroughputController.maxThroughput', 1),
    typeof c.percent === 'number'
      ? { type: 'FloatProperty', name: 'ThroughputController.percentThroughput', value: c.percent.toFixed(1) }
      : stringProp('ThroughputController.percentThroughput', c.percent),
  ]);
