import type { IncomingMessage, ServerResponse } from 'node:http';

import type { PeerUrls } from './catalogue.js';
import type { FaultDecision } from './faults.js';
import { delay } from './http-util.js';
import type { SseStream, SseTiming } from './sse-stream.js';
import type { GatewayProfile } from './profiles.js';

/** What every route handler of the target shares: configuration and the little state the gateway keeps. */
export interface TargetContext {
  readonly token: string;
  readonly serverId: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
  readonly statefulSessions: boolean;
  /** Memory (KiB) of the password hash each admin login attempt computes (ARGON2ID_MEMORY_COST). */
  readonly adminLoginHashKiB: number;
  /** A failed admin login is answered no sooner (FAILED_LOGIN_MIN_RESPONSE_MS). */
  readonly adminFailedLoginMinMs: number;
  /** Keepalive, comment pings and message delivery of legacy SSE streams. */
  readonly sse: SseTiming;
  /** uvicorn's WebSocket keepalive: a ping after this long (0: none) and a 1011 close when no pong comes within the timeout (0: never). */
  readonly wsPingIntervalMs: number;
  readonly wsPingTimeoutMs: number;
  /** Keepalive pings sent on /ws and the pongs that answered them. */
  readonly wsKeepalive: { pings: number; pongs: number };
  /** JSON_RESPONSE_ENABLED: MCP replies as JSON (true) or as one SSE event each (false). */
  readonly jsonResponse: boolean;
  /** Stateful MCP sessions unused for longer than this end (the MCP SDK's 30 min). */
  readonly mcpSessionIdleMs: number;
  readonly decide: (route: string) => FaultDecision;
  /** Mcp-Session-Id values issued on initialize (stateful mode) → time of their last use (ms). */
  readonly mcpSessions: Map<string, number>;
  /** Admin UI session cookies (jwt_token) handed out by the form login. */
  readonly adminSessions: Set<string>;
  /** Open legacy SSE streams by session_id, for POST /message answers. */
  readonly sseStreams: Map<string, SseStream>;
  /** Timers and sockets to stop on close. */
  readonly timers: Set<NodeJS.Timeout>;
  /** The gateway release modelled (`jtl target --profile`): its name and version in /version. */
  readonly profile: GatewayProfile;
  /** LEGACY_API_ENABLED: the unversioned aliases of the /v1 API routes are served (with deprecation headers). */
  readonly legacyApi: boolean;
  /** ENABLE_METRICS: GET /metrics/prometheus answers; else 503. */
  readonly metricsEnabled: boolean;
  /** Where the gateway and its peers (the test servers) listen, filled in once they do. */
  readonly addresses: { gateway: string; peers: PeerUrls };
}

/** The one place a server id from a URL is matched: exactly, as the gateway does (a dashed UUID is another id: 404). */
export const servesServer = (ctx: TargetContext, id: string | undefined): boolean => id === ctx.serverId;

/** A route handler: true when it answered the request. `path` has the /v1 prefix removed (paths.ts decides where each route is served). */
export type Route = (ctx: TargetContext, req: IncomingMessage, res: ServerResponse, path: string, url: URL) => Promise<boolean>;

/** Waits the injected latency of `route`; true when the request must fail. */
export async function injectFault(ctx: TargetContext, route: string): Promise<boolean> {
  const { delayMs, fail } = ctx.decide(route);
  await delay(delayMs);
  return fail;
}
