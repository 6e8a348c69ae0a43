import type { FaultRule } from './faults.js';

/** How the embedded target is started. Every field has a default (see normaliseOptions in server.ts). */
export interface TargetOptions {
  /** A loopback address only: 127.0.0.1 (default), ::1 or localhost. */
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** The bearer token the target accepts; a random one when absent. */
  readonly token?: string;
  /** The virtual server id MCP and SSE answer for (32 hex characters, like the gateway's). */
  readonly serverId?: string;
  readonly adminEmail?: string;
  readonly adminPassword?: string;
  /** Latency and error injection, per route (see faults.ts for route names). */
  readonly faults?: readonly FaultRule[];
  /** Seed of the fault injection's random numbers, so a run's failures can be reproduced. */
  readonly seed?: number;
  /** Issue Mcp-Session-Id on initialize and require it afterwards (the gateway's USE_STATEFUL_SESSIONS). */
  readonly statefulSessions?: boolean;
  /** MCP replies as JSON (default) or, false, as one SSE `message` event each (the gateway's JSON_RESPONSE_ENABLED). */
  readonly jsonResponse?: boolean;
  /** Idle time after which a stateful MCP session ends (default 30 min, the gateway's MCP SDK; no gateway setting). */
  readonly mcpSessionIdleMs?: number;
  /** Interval of SSE keepalive events (the gateway's SSE_KEEPALIVE_INTERVAL, 30 s there). */
  readonly sseKeepaliveMs?: number;
  /**
   * Memory in KiB of the memory-hard hash every admin login attempt computes, like the gateway's Argon2id
   * (its ARGON2ID_MEMORY_COST, 65536 = 64 MiB: ~150 ms a login). Tests that log in many times lower it.
   */
  readonly adminLoginHashKiB?: number;
  /** A failed admin login is answered no sooner than this (the gateway's FAILED_LOGIN_MIN_RESPONSE_MS, 250). */
  readonly adminFailedLoginMinMs?: number;
  /** Legacy SSE message delivery: the gateway's POLL_INTERVAL (0.1 s in gateway.env), MAX_INTERVAL (0.5 s), BACKOFF_FACTOR (1.5). */
  readonly ssePollIntervalMs?: number;
  readonly ssePollMaxMs?: number;
  readonly ssePollBackoff?: number;
  /** uvicorn's --ws-ping-interval / --ws-ping-timeout (20 s each): a ping, then close 1011 without a pong; 0 turns it off. */
  readonly wsPingIntervalMs?: number;
  readonly wsPingTimeoutMs?: number;
  /** Ports of the two direct MCP test servers: 0 = a free port, null = do not start it. */
  readonly fastTimePort?: number | null;
  readonly fastTestPort?: number | null;
  /** The gateway release to model (default contextforge-1.1.0, see profiles.ts). */
  readonly profile?: string;
  /** Serve the unversioned aliases of the /v1 API routes, with deprecation headers (the gateway's LEGACY_API_ENABLED, default true). */
  readonly legacyApi?: boolean;
  /** Serve GET /metrics/prometheus; false answers 503 as the gateway does (its ENABLE_METRICS; true in scripts/gateway/gateway.env). */
  readonly metricsEnabled?: boolean;
  /** Serve HTTPS and WSS with this key and certificate (PEM), e.g. from selfSignedCertificate(). */
  readonly tls?: { readonly key: string; readonly cert: string };
}

export interface RunningTarget {
  /** http://HOST:PORT of the gateway stand-in. */
  readonly url: string;
  readonly port: number;
  /** ws://HOST:PORT/ws */
  readonly wsUrl: string;
  readonly serverId: string;
  readonly token: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
  /** http://HOST:PORT of the fast-time MCP test server ('' when not started). */
  readonly fastTimeUrl: string;
  /** http://HOST:PORT of the fast-test MCP test server ('' when not started). */
  readonly fastTestUrl: string;
  /** The gateway release modelled, e.g. "ContextForge 1.1.0". */
  readonly models: string;
  /** Requests answered so far, all servers together. */
  requestCount(): number;
  /** MCP sessions opened (stateful mode) and not yet ended by a DELETE. */
  openMcpSessions(): number;
  /** Keepalive pings sent on /ws so far, and the pongs that answered them. */
  webSocketKeepalive(): { readonly pings: number; readonly pongs: number };
  close(): Promise<void>;
}
