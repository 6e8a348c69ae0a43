import { leaf, type Leaf } from '../node.js';
import { argumentItem, collectionProp } from '../prop-helpers.js';
import type { Variable } from './test-plan.js';

/** A User Defined Variables config element: evaluated once at test start, in tree order. */
export interface UserVariables {
  readonly kind: 'userVariables';
  readonly name: string;
  readonly variables: readonly Variable[];
}

export const userVariables = (name: string, variables: readonly Variable[]): UserVariables => ({
  kind: 'userVariables',
  name,
  variables,
});

export const userVariablesNode = (u: UserVariables): Leaf =>
  leaf('Arguments', 'ArgumentsPanel', u.name, [
    collectionProp('Arguments.arguments', u.variables.map((x) => argumentItem(x.name, x.value))),
  ]);
