import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FaultDecision } from './faults.js';
import { delay } from './http-util.js';

/** What every route handler of the target shares: configuration and the little state the gateway keeps. */
export interface TargetContext {
  readonly token: string;
  readonly serverId: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
  readonly statefulSessions: boolean;
  /** JSON_RESPONSE_ENABLED: MCP replies as JSON (true) or as one SSE event each (false). */
  readonly jsonResponse: boolean;
  /** Stateful MCP sessions unused for longer than this end (the MCP SDK's 30 min). */
  readonly mcpSessionIdleMs: number;
  readonly sseKeepaliveMs: number;
  readonly decide: (route: string) => FaultDecision;
  /** Mcp-Session-Id values issued on initialize (stateful mode) → time of their last use (ms). */
  readonly mcpSessions: Map<string, number>;
  /** Admin UI session cookies (jwt_token) handed out by the form login. */
  readonly adminSessions: Set<string>;
  /** Open legacy SSE streams by session_id, for POST /message answers. */
  readonly sseStreams: Map<string, ServerResponse>;
  /** Timers and sockets to stop on close. */
  readonly timers: Set<NodeJS.Timeout>;
}

/** A route handler: true when it answered the request. `path` has the optional /v1 prefix removed. */
export type Route = (ctx: TargetContext, req: IncomingMessage, res: ServerResponse, path: string, url: URL) => Promise<boolean>;

/** Waits the injected latency of `route`; true when the request must fail. */
export async function injectFault(ctx: TargetContext, route: string): Promise<boolean> {
  const { delayMs, fail } = ctx.decide(route);
  await delay(delayMs);
  return fail;
}
