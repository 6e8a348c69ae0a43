import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ToolkitError } from '../errors.js';
import type { Route, TargetContext } from './context.js';
import { faultInjector } from './faults.js';
import { requestUrl, sendJson } from './http-util.js';
import { resolvePath, responseHeaders, stampHeaders } from './paths.js';
import { gatewayProfile } from './profiles.js';
import { adminRoute } from './routes/admin.js';
import { mcpRoute, rpcRoute } from './routes/mcp.js';
import { liveSessions } from './routes/mcp-sessions.js';
import { restRoute } from './routes/rest.js';
import { sseMessageRoute, sseRoute } from './routes/sse.js';
import { webSocketRelay } from './routes/ws.js';
import { fastTestServer, fastTimeServer, testServerHandler } from './test-servers.js';
import type { RunningTarget, TargetOptions } from './types.js';

export const DEFAULT_SERVER_ID = '5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const ROUTES: readonly Route[] = [restRoute, mcpRoute, rpcRoute, sseRoute, sseMessageRoute, adminRoute];

const positive = (ms: number, name: string): number => {
  if (!(ms > 0)) throw new ToolkitError('TARGET_BAD_OPTION', `${name}=${ms}: expected a time above 0 ms`, { name, value: ms });
  return ms;
};

function contextFor(o: TargetOptions): TargetContext {
  const host = o.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new ToolkitError('TARGET_NOT_LOOPBACK', `--host ${host}: the embedded target listens on loopback only (127.0.0.1, ::1 or localhost)`, { host });
  }
  const serverId = (o.serverId ?? DEFAULT_SERVER_ID).replaceAll('-', '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(serverId)) {
    throw new ToolkitError('TARGET_BAD_SERVER_ID', `server id "${o.serverId}" is not a UUID (32 hex digits, dashes optional)`, { serverId: o.serverId });
  }
  return {
    token: o.token ?? randomBytes(32).toString('base64url'),
    serverId,
    adminEmail: o.adminEmail ?? 'admin@example.com',
    adminPassword: o.adminPassword ?? randomBytes(12).toString('base64url'),
    statefulSessions: o.statefulSessions ?? false,
    adminLoginHashKiB: o.adminLoginHashKiB ?? 65_536,
    adminFailedLoginMinMs: o.adminFailedLoginMinMs ?? 250,
    sse: {
      keepaliveMs: positive(o.sseKeepaliveMs ?? 30_000, 'sseKeepaliveMs'),
      commentPingMs: 15_000,
      poll: { intervalMs: positive(o.ssePollIntervalMs ?? 100, 'ssePollIntervalMs'), maxMs: positive(o.ssePollMaxMs ?? 500, 'ssePollMaxMs'), backoff: Math.max(1, o.ssePollBackoff ?? 1.5) },
    },
    wsPingIntervalMs: o.wsPingIntervalMs ?? 20_000,
    wsPingTimeoutMs: o.wsPingTimeoutMs ?? 20_000,
    wsKeepalive: { pings: 0, pongs: 0 },
    jsonResponse: o.jsonResponse ?? true,
    mcpSessionIdleMs: o.mcpSessionIdleMs ?? 30 * 60_000,
    decide: faultInjector(o.faults ?? [], o.seed ?? 1),
    mcpSessions: new Map(),
    adminSessions: new Set(),
    sseStreams: new Map(),
    timers: new Set(),
    profile: gatewayProfile(o.profile),
    legacyApi: o.legacyApi ?? true,
    metricsEnabled: o.metricsEnabled ?? true,
    addresses: { gateway: '', peers: { 'fast-time': 'http://127.0.0.1:8888', 'fast-test': 'http://127.0.0.1:8880' } },
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

type Tls = TargetOptions['tls'];

async function listen(handler: Handler, host: string, port: number, counter: { n: number }, tls: Tls): Promise<http.Server> {
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    counter.n += 1;
    // Nothing a client sends may end the process: every request-level error is an answer (400/500) here.
    const url = requestUrl(req, host);
    if (url === undefined) return sendJson(res, 400, { detail: 'Bad Request: the Host header or the request target is not a valid URL' });
    handler(req, res, url).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { detail: `target error: ${(error as Error).message}` });
      else res.destroy();
    });
  };
  // https.Server extends tls.Server, not http.Server, but offers the same surface used here.
  const server = (tls ? https.createServer({ key: tls.key, cert: tls.cert }, onRequest) : http.createServer(onRequest)) as http.Server;
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ToolkitError('TARGET_LISTEN_FAILED', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`, { host, port }, { cause: error })));
    server.listen(port, host, resolve);
  });
  return server;
}

const gatewayHandler = (ctx: TargetContext): Handler => {
  const headers = responseHeaders(ctx.profile);
  return async (req, res, url) => {
    const resolved = resolvePath(url.pathname, ctx.legacyApi);
    stampHeaders(res, headers, url.pathname, resolved);
    if (resolved === undefined) return sendJson(res, 404, { detail: 'Not Found' });
    await routeRequest(ctx, req, res, resolved.path, url);
  };
};

async function routeRequest(ctx: TargetContext, req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
  for (const route of ROUTES) if (await route(ctx, req, res, path, url)) return;
  if (path === '/') {
    res.writeHead(303, { location: '/admin/' });
    return void res.end();
  }
  sendJson(res, 404, { detail: 'Not Found' });
}

const urlOf = (host: string, server: http.Server, tls: Tls) => {
  const { port } = server.address() as AddressInfo;
  return `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
};

/** Starts the loopback stand-in of the ContextForge gateway (and its two MCP test servers). */
export async function startTarget(options: TargetOptions = {}): Promise<RunningTarget> {
  const ctx = contextFor(options);
  const host = options.host ?? '127.0.0.1';
  const counter = { n: 0 };
  const gateway = await listen(gatewayHandler(ctx), host, options.port ?? 0, counter, options.tls);
  const relay = webSocketRelay(ctx);
  gateway.on('upgrade', relay.onUpgrade);
  const extra = async (port: number | null | undefined, spec: typeof fastTimeServer) =>
    port === null ? undefined : listen(testServerHandler(ctx, spec), host, port ?? 0, counter, options.tls);
  const fastTime = await extra(options.fastTimePort, fastTimeServer);
  const fastTest = await extra(options.fastTestPort, fastTestServer);
  const servers = [gateway, fastTime, fastTest].filter((s): s is http.Server => s !== undefined);
  const url = urlOf(host, gateway, options.tls);
  ctx.addresses.gateway = url;
  if (fastTime) ctx.addresses.peers = { ...ctx.addresses.peers, 'fast-time': urlOf(host, fastTime, options.tls) };
  if (fastTest) ctx.addresses.peers = { ...ctx.addresses.peers, 'fast-test': urlOf(host, fastTest, options.tls) };
  return {
    url,
    port: (gateway.address() as AddressInfo).port,
    wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
    serverId: ctx.serverId,
    token: ctx.token,
    adminEmail: ctx.adminEmail,
    adminPassword: ctx.adminPassword,
    fastTimeUrl: fastTime ? urlOf(host, fastTime, options.tls) : '',
    fastTestUrl: fastTest ? urlOf(host, fastTest, options.tls) : '',
    models: `${ctx.profile.product} ${ctx.profile.version}`,
    requestCount: () => counter.n,
    openMcpSessions: () => liveSessions(ctx),
    webSocketKeepalive: () => ({ ...ctx.wsKeepalive }),
    close: async () => {
      ctx.timers.forEach(clearInterval);
      relay.close();
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
