import { leaf, type Leaf } from '../node.js';
import { argumentsProp, intProp, stringProp } from '../prop-helpers.js';
import type { IntValue, TextValue } from '../props.js';

export interface HttpDefaults {
  readonly kind: 'httpDefaults';
  readonly name: string;
  readonly protocol: TextValue;
  readonly domain: TextValue;
  readonly port: TextValue;
  readonly connectTimeoutMs?: IntValue;
  readonly responseTimeoutMs?: IntValue;
}

export const httpDefaults = (o: Omit<HttpDefaults, 'kind' | 'name'>, name = 'HTTP Request Defaults'): HttpDefaults => ({
  kind: 'httpDefaults',
  name,
  ...o,
});

export const httpDefaultsNode = (d: HttpDefaults): Leaf =>
  leaf(
    'ConfigTestElement',
    'HttpDefaultsGui',
    d.name,
    [
      argumentsProp('HTTPsampler.Arguments', [], true),
      stringProp('HTTPSampler.domain', d.domain),
      stringProp('HTTPSampler.port', d.port),
      stringProp('HTTPSampler.protocol', d.protocol),
      stringProp('HTTPSampler.implementation', 'HttpClient4'),
      ...(d.connectTimeoutMs !== undefined ? [intProp('HTTPSampler.connect_timeout', d.connectTimeoutMs)] : []),
      ...(d.responseTimeoutMs !== undefined ? [intProp('HTTPSampler.response_timeout', d.responseTimeoutMs)] : []),
    ],
    'ConfigTestElement',
  );
