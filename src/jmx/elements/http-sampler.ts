import { leaf, type JmxProp, type Leaf } from '../node.js';
import { argumentsProp, boolProp, collectionProp, elementProp, intProp, stringProp } from '../prop-helpers.js';
import type { IntValue, TextValue } from '../props.js';
import type { SamplerChild } from '../placement.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';

export interface HttpRequest {
  readonly method: HttpMethod;
  /** `/tools` (host from HTTP defaults) or a full `http(s)://` URL. */
  readonly path: TextValue;
  /** Raw request body (JSON-RPC). */
  readonly body?: TextValue;
  /** URL-encoded form fields, in order. */
  readonly form?: readonly (readonly [string, TextValue])[];
  readonly followRedirects?: boolean;
  readonly protocol?: TextValue;
  readonly domain?: TextValue;
  readonly port?: TextValue;
  readonly connectTimeoutMs?: IntValue;
  readonly responseTimeoutMs?: IntValue;
}

export interface HttpSampler {
  readonly kind: 'httpSampler';
  readonly name: string;
  readonly request: HttpRequest;
  readonly children: readonly SamplerChild[];
}

export const httpSampler = (
  name: string,
  request: HttpRequest,
  children: readonly SamplerChild[] = [],
): HttpSampler => ({ kind: 'httpSampler', name, request, children });

const rawBody = (body: TextValue): JmxProp =>
  elementProp('HTTPsampler.Arguments', 'Arguments', [
    collectionProp('Arguments.arguments', [
      elementProp('', 'HTTPArgument', [
        boolProp('HTTPArgument.always_encode', false),
        stringProp('Argument.value', body),
        stringProp('Argument.metadata', '='),
      ]),
    ]),
  ]);

const formField = ([name, value]: readonly [string, TextValue]): JmxProp =>
  elementProp(name, 'HTTPArgument', [
    boolProp('HTTPArgument.always_encode', true),
    stringProp('Argument.value', value),
    stringProp('Argument.metadata', '='),
    boolProp('HTTPArgument.use_equals', true),
    stringProp('Argument.name', name),
  ]);

const optional = (name: string, value: TextValue | undefined): JmxProp[] =>
  value === undefined ? [] : [stringProp(name, value)];

export const httpSamplerNode = (s: HttpSampler): Leaf => {
  const r = s.request;
  return leaf('HTTPSamplerProxy', 'HttpTestSampleGui', s.name, [
    ...optional('HTTPSampler.domain', r.domain),
    ...optional('HTTPSampler.port', r.port),
    ...optional('HTTPSampler.protocol', r.protocol),
    stringProp('HTTPSampler.path', r.path),
    // The GUI leaves the property out when redirects are not followed.
    ...(r.followRedirects === false ? [] : [boolProp('HTTPSampler.follow_redirects', true)]),
    stringProp('HTTPSampler.method', r.method),
    boolProp('HTTPSampler.use_keepalive', true),
    boolProp('HTTPSampler.postBodyRaw', r.body !== undefined),
    r.body !== undefined ? rawBody(r.body) : argumentsProp('HTTPsampler.Arguments', (r.form ?? []).map(formField), true),
    ...(r.connectTimeoutMs === undefined ? [] : [intProp('HTTPSampler.connect_timeout', r.connectTimeoutMs)]),
    ...(r.responseTimeoutMs === undefined ? [] : [intProp('HTTPSampler.response_timeout', r.responseTimeoutMs)]),
  ]);
};
