import { leaf, type Leaf } from '../node.js';
import { boolProp, stringProp } from '../prop-helpers.js';
import type { IntValue, TextValue } from '../props.js';
import type { SamplerChild } from '../placement.js';
import { reuseConnectionProps, wsClass } from './ws-common.js';

/** Sends one text frame on the open connection and waits for one text frame back. */
export interface WsRequestResponse {
  readonly kind: 'wsRequestResponse';
  readonly name: string;
  readonly payload: TextValue;
  readonly readTimeoutMs: IntValue;
  readonly children: readonly SamplerChild[];
}

export const wsRequestResponse = (
  name: string,
  o: { payload: TextValue; readTimeoutMs: IntValue },
  children: readonly SamplerChild[] = [],
): WsRequestResponse => ({ kind: 'wsRequestResponse', name, payload: o.payload, readTimeoutMs: o.readTimeoutMs, children });

export const wsRequestResponseNode = (s: WsRequestResponse): Leaf =>
  leaf(wsClass('RequestResponseWebSocketSampler'), wsClass('RequestResponseWebSocketSamplerGui'), s.name, [
    boolProp('createNewConnection', false),
    ...reuseConnectionProps(),
    stringProp('payloadType', 'Text'),
    stringProp('requestData', s.payload),
    stringProp('readTimeout', s.readTimeoutMs),
    boolProp('loadDataFromFile', false),
    stringProp('dataFile', ''),
  ]);
