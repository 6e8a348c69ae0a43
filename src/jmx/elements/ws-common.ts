import type { JmxProp } from '../node.js';
import { boolProp, stringProp } from '../prop-helpers.js';
import type { BoolValue, IntValue, TextValue } from '../props.js';

/** Where the WebSocket Samplers plugin (eu.luminis.jmeter.wssampler) connects. */
export interface WsEndpoint {
  readonly tls: BoolValue;
  readonly server: TextValue;
  readonly port: TextValue;
  readonly path: TextValue;
  readonly connectTimeoutMs: IntValue;
}

export const WS_PACKAGE = 'eu.luminis.jmeter.wssampler';
export const wsClass = (simple: string): string => `${WS_PACKAGE}.${simple}`;

export const wsEndpointProps = (e: WsEndpoint): JmxProp[] => [
  boolProp('TLS', e.tls),
  stringProp('server', e.server),
  stringProp('port', e.port),
  stringProp('path', e.path),
  stringProp('connectTimeout', e.connectTimeoutMs),
];

/** The plugin's own default; it parses connectTimeout even when it reuses the open connection. */
export const WS_DEFAULT_CONNECT_TIMEOUT_MS = 20_000;

/** The sampler reuses the thread's open connection: endpoint fields stay empty, as the GUI saves them. */
export const reuseConnectionProps = (connectTimeoutMs: IntValue = WS_DEFAULT_CONNECT_TIMEOUT_MS): JmxProp[] => [
  boolProp('TLS', false),
  stringProp('server', ''),
  stringProp('port', ''),
  stringProp('path', ''),
  stringProp('connectTimeout', connectTimeoutMs),
];
