import { leaf, type Leaf } from '../node.js';
import { stringProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';
import type { SamplerChild } from '../placement.js';
import { wsClass, wsEndpointProps, type WsEndpoint } from './ws-common.js';

/** Opens the thread's WebSocket; headers (bearer token) come from the header manager in scope. */
export interface WsOpen {
  readonly kind: 'wsOpen';
  readonly name: string;
  readonly endpoint: WsEndpoint;
  readonly readTimeoutMs: IntValue;
  readonly children: readonly SamplerChild[];
}

export const wsOpen = (
  name: string,
  o: { endpoint: WsEndpoint; readTimeoutMs: IntValue },
  children: readonly SamplerChild[] = [],
): WsOpen => ({ kind: 'wsOpen', name, endpoint: o.endpoint, readTimeoutMs: o.readTimeoutMs, children });

export const wsOpenNode = (s: WsOpen): Leaf =>
  leaf(
    wsClass('OpenWebSocketSampler'),
    wsClass('OpenWebSocketSamplerGui'),
    s.name,
    [...wsEndpointProps(s.endpoint), stringProp('readTimeout', s.readTimeoutMs)],
  );
