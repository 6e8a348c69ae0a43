import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

import type { GatewayProfile } from './profiles.js';

/**
 * Where ContextForge 1.1.0 serves what: the API under /v1 (and, while LEGACY_API_ENABLED, also at the root as a
 * deprecated alias); health probes, the Prometheus scrape and the MCP transports at the root only (404 under /v1).
 */
const ROOT_ONLY = /^\/(?:health|ready|health\/security|metrics\/prometheus|rpc\/?|mcp\/?|sse\/?|message\/?|ws|servers\/[^/]+\/mcp\/?)?$/;

/** The routers the gateway mounts twice; its deprecation middleware stamps their unversioned answers. */
const LEGACY_PREFIXES = [
  '/protocol', '/tools', '/resources', '/prompts', '/gateways', '/roots', '/servers', '/metrics', '/tags', '/export', '/import',
  '/search', '/a2a', '/observability', '/reverse-proxy', '/cancellation', '/toolops', '/auth', '/teams', '/users', '/tokens',
  '/rbac', '/compliance', '/admin', '/llmchat', '/llm',
];

const isLegacyPath = (path: string): boolean => LEGACY_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));

/** The path a route sees (without /v1), and whether the answer is a deprecated alias's; undefined: the gateway has no such route (404). */
export interface ResolvedPath {
  readonly path: string;
  readonly legacy: boolean;
}

export function resolvePath(pathname: string, legacyApi: boolean): ResolvedPath | undefined {
  if (pathname === '/v1' || pathname.startsWith('/v1/')) {
    const path = pathname.slice(3) || '/';
    return ROOT_ONLY.test(path) ? undefined : { path, legacy: false };
  }
  // The deprecation middleware is only installed with the aliases, and also stamps root-only paths under its prefixes.
  if (ROOT_ONLY.test(pathname)) return { path: pathname, legacy: legacyApi && isLegacyPath(pathname) };
  return legacyApi ? { path: pathname, legacy: isLegacyPath(pathname) } : undefined;
}

/** Answers the gateway's security middleware adds to everything, cache headers to all but the public probes. */
export interface ResponseHeaders {
  readonly common: readonly (readonly [string, string])[];
  readonly protectedOnly: readonly (readonly [string, string])[];
  deprecation(path: string): readonly (readonly [string, string])[];
}

export function responseHeaders(profile: GatewayProfile): ResponseHeaders {
  // The gateway makes a nonce per request for its inline scripts; one per start costs nothing and looks the same.
  const nonce = randomBytes(16).toString('base64url');
  return {
    common: [
      ['x-content-type-options', 'nosniff'],
      ['x-frame-options', 'DENY'],
      ['x-xss-protection', '0'],
      ['x-download-options', 'noopen'],
      ['referrer-policy', 'strict-origin-when-cross-origin'],
      [
        'content-security-policy',
        `default-src 'self'; script-src-elem 'self' 'nonce-${nonce}'; script-src-attr 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; ` +
          "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self' ws: wss: https:; frame-ancestors 'none';",
      ],
    ],
    protectedOnly: [
      ['cache-control', 'no-store, private'],
      ['pragma', 'no-cache'],
      ['expires', '0'],
      ['vary', 'Origin, Authorization'],
    ],
    deprecation: (path) => [
      ['sunset', profile.legacySunset],
      ['deprecation', 'true'],
      ['link', `</v1${path}>; rel="successor-version"`],
      ['x-deprecated-endpoint', `This endpoint is deprecated. Use /v1${path} instead. It will be removed after ${profile.legacySunset}.`],
    ],
  };
}

/** /health and /ready may be cached; every other answer is marked private and uncacheable. */
const isPublic = (path: string): boolean => path === '/health' || path === '/ready';

/**
 * Puts the gateway's headers on a response before a route writes it: security headers always, cache headers
 * unless public, deprecation headers on a legacy alias's answers below 400 (the gateway leaves them off errors).
 */
export function stampHeaders(res: ServerResponse, headers: ResponseHeaders, pathname: string, resolved: ResolvedPath | undefined): void {
  for (const [name, value] of headers.common) res.setHeader(name, value);
  if (isPublic(pathname)) res.setHeader('vary', 'Origin');
  else for (const [name, value] of headers.protectedOnly) res.setHeader(name, value);
  if (resolved?.legacy !== true) return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const stamped = headers.deprecation(resolved.path);
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status < 400 && !res.headersSent) for (const [name, value] of stamped) res.setHeader(name, value);
    return writeHead(status, ...rest);
  }) as ServerResponse['writeHead'];
}
