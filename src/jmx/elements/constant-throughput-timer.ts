import { leaf, type Leaf } from '../node.js';
import { doubleProp, intProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';

/** JMeter's calcMode values: who shares the target rate. */
export const CALC_MODE = {
  thisThread: 0,
  allThreads: 1,
  threadGroup: 2,
  allThreadsShared: 3,
  threadGroupShared: 4,
} as const;
export type CalcMode = keyof typeof CALC_MODE;

export interface ConstantThroughputTimer {
  readonly kind: 'constantThroughputTimer';
  readonly name: string;
  readonly perMinute: IntValue;
  readonly calcMode: CalcMode;
}

export const constantThroughputTimer = (
  o: { perMinute: IntValue; calcMode?: CalcMode },
  name = 'Constant Throughput Timer',
): ConstantThroughputTimer => ({
  kind: 'constantThroughputTimer',
  name,
  perMinute: o.perMinute,
  calcMode: o.calcMode ?? 'threadGroupShared',
});

export const constantThroughputTimerNode = (t: ConstantThroughputTimer): Leaf =>
  leaf('ConstantThroughputTimer', 'TestBeanGUI', t.name, [
    intProp('calcMode', CALC_MODE[t.calcMode]),
    doubleProp('throughput', t.perMinute),
  ]);
