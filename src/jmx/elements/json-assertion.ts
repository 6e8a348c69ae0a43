import { leaf, type Leaf } from '../node.js';
import { boolProp, stringProp } from '../prop-helpers.js';
import type { TextValue } from '../props.js';

/** JSONPath assertion: `path` exists (and equals `expected` when given); `invert` negates the check. */
export interface JsonAssertion {
  readonly kind: 'jsonAssertion';
  readonly name: string;
  readonly path: string;
  readonly expected?: TextValue;
  readonly invert: boolean;
}

export const jsonAssertion = (
  name: string,
  o: { path: string; expected?: TextValue; invert?: boolean },
): JsonAssertion => ({ kind: 'jsonAssertion', name, path: o.path, invert: o.invert ?? false, ...(o.expected !== undefined ? { expected: o.expected } : {}) });

export const jsonAssertionNode = (a: JsonAssertion): Leaf =>
  leaf('JSONPathAssertion', 'JSONPathAssertionGui', a.name, [
    stringProp('JSON_PATH', a.path),
    stringProp('EXPECTED_VALUE', a.expected ?? ''),
    boolProp('JSONVALIDATION', a.expected !== undefined),
    boolProp('EXPECT_NULL', false),
    boolProp('INVERT', a.invert),
    boolProp('ISREGEX', false),
  ]);
