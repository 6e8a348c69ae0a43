import { leaf, type Leaf } from '../node.js';
import { boolProp, collectionProp, intProp, stringProp } from '../prop-helpers.js';
import { text, type TextValue } from '../props.js';
import type { JmxProp } from '../node.js';

const FIELD = {
  code: 'Assertion.response_code',
  data: 'Assertion.response_data',
  url: 'Assertion.sample_label',
  headers: 'Assertion.response_headers',
  message: 'Assertion.response_message',
} as const;
/** Bits of Assertion.test_type, as in org.apache.jmeter.assertions.ResponseAssertion. */
const RULE = { matches: 1, contains: 2, equals: 8, substring: 16 } as const;
const NOT = 4;
const OR = 32;

export interface ResponseAssertion {
  readonly kind: 'responseAssertion';
  readonly name: string;
  readonly field: keyof typeof FIELD;
  readonly rule: keyof typeof RULE;
  readonly not: boolean;
  readonly any: boolean;
  readonly patterns: readonly TextValue[];
  readonly message: string;
}

export const responseAssertion = (
  name: string,
  o: { field: keyof typeof FIELD; rule: keyof typeof RULE; patterns: readonly TextValue[]; not?: boolean; any?: boolean; message?: string },
): ResponseAssertion => ({
  kind: 'responseAssertion',
  name,
  field: o.field,
  rule: o.rule,
  not: o.not ?? false,
  any: o.any ?? false,
  patterns: o.patterns,
  message: o.message ?? '',
});

/** Status code check; `codes` are alternatives (`200`, `303`). */
export const statusAssertion = (codes: readonly number[] = [200], name = 'Status'): ResponseAssertion =>
  responseAssertion(name, { field: 'code', rule: 'equals', any: codes.length > 1, patterns: codes.map(String) });

/** Java's String.hashCode: JMeter names each test string property by it. */
export function javaHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

export const responseAssertionNode = (a: ResponseAssertion): Leaf => {
  const strings: JmxProp[] = a.patterns.map((p) => stringProp(String(javaHashCode(text(p))), p));
  const type = RULE[a.rule] | (a.not ? NOT : 0) | (a.any ? OR : 0);
  return leaf('ResponseAssertion', 'AssertionGui', a.name, [
    collectionProp('Asserion.test_strings', strings),
    stringProp('Assertion.custom_message', a.message),
    stringProp('Assertion.test_field', FIELD[a.field]),
    boolProp('Assertion.assume_success', false),
    intProp('Assertion.test_type', type),
  ]);
};
