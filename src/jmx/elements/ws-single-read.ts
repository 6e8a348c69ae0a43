import { leaf, type Leaf } from '../node.js';
import { boolProp, stringProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';
import type { SamplerChild } from '../placement.js';
import { reuseConnectionProps, wsClass } from './ws-common.js';

/** Reads one text frame from the open connection. */
export interface WsSingleRead {
  readonly kind: 'wsSingleRead';
  readonly name: string;
  readonly readTimeoutMs: IntValue;
  readonly optional: boolean;
  readonly children: readonly SamplerChild[];
}

export const wsSingleRead = (
  name: string,
  o: { readTimeoutMs: IntValue; optional?: boolean },
  children: readonly SamplerChild[] = [],
): WsSingleRead => ({ kind: 'wsSingleRead', name, readTimeoutMs: o.readTimeoutMs, optional: o.optional ?? false, children });

export const wsSingleReadNode = (s: WsSingleRead): Leaf =>
  leaf(wsClass('SingleReadWebSocketSampler'), wsClass('SingleReadWebSocketSamplerGui'), s.name, [
    ...reuseConnectionProps(),
    stringProp('dataType', 'Text'),
    boolProp('createNewConnection', false),
    stringProp('readTimeout', s.readTimeoutMs),
    boolProp('optional', s.optional),
  ]);
