import { leaf, type Leaf } from '../node.js';
import { boolProp, stringProp } from '../prop-helpers.js';
import type { TextValue } from '../props.js';
import type { SamplerChild } from '../placement.js';
import { reuseConnectionProps, wsClass } from './ws-common.js';

/** Writes one text frame on the open connection without waiting for an answer. */
export interface WsSingleWrite {
  readonly kind: 'wsSingleWrite';
  readonly name: string;
  readonly payload: TextValue;
  readonly children: readonly SamplerChild[];
}

export const wsSingleWrite = (name: string, payload: TextValue, children: readonly SamplerChild[] = []): WsSingleWrite => ({
  kind: 'wsSingleWrite',
  name,
  payload,
  children,
});

export const wsSingleWriteNode = (s: WsSingleWrite): Leaf =>
  leaf(wsClass('SingleWriteWebSocketSampler'), wsClass('SingleWriteWebSocketSamplerGui'), s.name, [
    ...reuseConnectionProps(),
    stringProp('payloadType', 'Text'),
    stringProp('requestData', s.payload),
    boolProp('createNewConnection', false),
    boolProp('loadDataFromFile', false),
    stringProp('dataFile', ''),
  ]);
