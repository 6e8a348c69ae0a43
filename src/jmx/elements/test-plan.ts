import { leaf, type Leaf } from '../node.js';
import { argumentItem, argumentsProp, boolProp } from '../prop-helpers.js';
import type { TextValue } from '../props.js';
import type { TestPlanChild } from '../placement.js';

/** A user-defined variable of the test plan, evaluated once when the test starts. */
export interface Variable {
  readonly name: string;
  readonly value: TextValue;
}

export interface TestPlan {
  readonly kind: 'testPlan';
  readonly name: string;
  readonly variables: readonly Variable[];
  /** Run thread groups one after another (phased plans). */
  readonly serializeThreadGroups: boolean;
  /** Run tearDown thread groups also when the test is stopped (clean-up that must not be skipped). */
  readonly tearDownOnShutdown: boolean;
  readonly comments: string;
  readonly children: readonly TestPlanChild[];
}

export interface TestPlanOptions {
  readonly variables?: readonly Variable[];
  readonly serializeThreadGroups?: boolean;
  readonly tearDownOnShutdown?: boolean;
  readonly comments?: string;
}

export const testPlan = (name: string, children: readonly TestPlanChild[], o: TestPlanOptions = {}): TestPlan => ({
  kind: 'testPlan',
  name,
  variables: o.variables ?? [],
  serializeThreadGroups: o.serializeThreadGroups ?? false,
  tearDownOnShutdown: o.tearDownOnShutdown ?? false,
  comments: o.comments ?? '',
  children,
});

export const testPlanNode = (p: TestPlan): Leaf =>
  leaf('TestPlan', 'TestPlanGui', p.name, [
    ...(p.comments ? [{ type: 'stringProp' as const, name: 'TestPlan.comments', value: p.comments }] : []),
    argumentsProp(
      'TestPlan.user_defined_variables',
      p.variables.map((x) => argumentItem(x.name, x.value)),
    ),
    ...(p.serializeThreadGroups ? [boolProp('TestPlan.serialize_threadgroups', true)] : []),
    ...(p.tearDownOnShutdown ? [boolProp('TestPlan.tearDown_on_shutdown', true)] : []),
  ]);
