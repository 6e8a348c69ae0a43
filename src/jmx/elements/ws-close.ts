import { leaf, type Leaf } from '../node.js';
import { stringProp } from '../prop-helpers.js';
import type { IntValue } from '../props.js';
import type { SamplerChild } from '../placement.js';
import { wsClass } from './ws-common.js';

/** Sends a close frame (status 1000) and waits for the server's close. */
export interface WsClose {
  readonly kind: 'wsClose';
  readonly name: string;
  readonly readTimeoutMs: IntValue;
  readonly children: readonly SamplerChild[];
}

export const wsClose = (name: string, o: { readTimeoutMs: IntValue }, children: readonly SamplerChild[] = []): WsClose => ({
  kind: 'wsClose',
  name,
  readTimeoutMs: o.readTimeoutMs,
  children,
});

export const wsCloseNode = (s: WsClose): Leaf =>
  leaf(wsClass('CloseWebSocketSampler'), wsClass('CloseWebSocketSamplerGui'), s.name, [
    stringProp('statusCode', '1000'),
    stringProp('readTimeout', s.readTimeoutMs),
  ]);
