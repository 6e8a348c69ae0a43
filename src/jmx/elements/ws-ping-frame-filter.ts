import { leaf, type Leaf } from '../node.js';
import { boolProp, stringProp } from '../prop-helpers.js';
import { wsClass } from './ws-common.js';

/**
 * The WebSocket Samplers plugin's ping filter: every sampler in scope skips ping (and pong) frames while it
 * waits for its reply and, with `replyToPing`, answers each ping with a pong, as a browser does. Servers
 * that ping (uvicorn every 20 s) close a connection whose pings go unanswered.
 */
export interface WsPingFrameFilter {
  readonly kind: 'wsPingFrameFilter';
  readonly name: string;
  readonly replyToPing: boolean;
}

export const wsPingFrameFilter = (name = 'Answer server pings', o: { replyToPing?: boolean } = {}): WsPingFrameFilter => ({
  kind: 'wsPingFrameFilter',
  name,
  replyToPing: o.replyToPing ?? true,
});

export const wsPingFrameFilterNode = (f: WsPingFrameFilter): Leaf =>
  leaf(wsClass('PingFrameFilter'), wsClass('PingFrameFilterGui'), f.name, [
    boolProp('replyToPing', f.replyToPing),
    stringProp('filterType', 'FilterAll'),
  ]);
