import type { IncomingMessage } from 'node:http';

/**
 * Who may see a protected admin path, decided as ContextForge 1.1.0 decides it in two steps:
 * 1. its admin middleware takes the `jwt_token` cookie, else the bearer token, and refuses a missing or
 *    invalid one (before any routing, so an unknown admin path is refused the same way);
 * 2. the route then prefers the bearer token, and accepts a cookie alone only from a browser: Accept text/html,
 *    an htmx request, or a Referer from an admin page of the same host.
 */
export type AdminAccess =
  | { readonly kind: 'granted'; readonly via: 'bearer' | 'cookie' }
  /** Step 1 refused: answered per request kind (see `RequestKind`). */
  | { readonly kind: 'login-required'; readonly detail: 'Authentication required' | 'Invalid token' }
  /** Step 2 refused a cookie on an API call. */
  | { readonly kind: 'cookie-refused' };

/** How a refusal is answered: htmx 200 + HX-Redirect, a page 302 to the login form, anything else JSON 401. */
export type RequestKind = 'htmx' | 'page' | 'api';

export interface AdminCredentials {
  readonly cookie: string | undefined;
  readonly bearer: string | undefined;
  readonly kind: RequestKind;
  /** A same-host Referer under /admin (the UI's fetch() calls send one). */
  readonly fromAdminPage: boolean;
}

export function requestKind(req: IncomingMessage): RequestKind {
  if (req.headers['hx-request'] === 'true') return 'htmx';
  return (req.headers.accept ?? '').includes('text/html') ? 'page' : 'api';
}

function fromAdminPage(req: IncomingMessage): boolean {
  const referer = req.headers.referer;
  if (referer === undefined) return false;
  try {
    const url = new URL(referer);
    return url.host === req.headers.host && url.pathname.includes('/admin');
  } catch {
    return false;
  }
}

export function credentialsOf(req: IncomingMessage, cookie: string | undefined): AdminCredentials {
  const [scheme, value] = (req.headers.authorization ?? '').split(' ', 2);
  return {
    cookie: cookie === '' ? undefined : cookie,
    bearer: scheme?.toLowerCase() === 'bearer' && value ? value : undefined,
    kind: requestKind(req),
    fromAdminPage: fromAdminPage(req),
  };
}

/** The decision; `valid` says whether a token (bearer or session cookie value) is one the gateway issued. */
export function adminAccess(c: AdminCredentials, valid: (token: string) => boolean): AdminAccess {
  const first = c.cookie ?? c.bearer;
  if (first === undefined) return { kind: 'login-required', detail: 'Authentication required' };
  if (!valid(first)) return { kind: 'login-required', detail: 'Invalid token' };
  if (c.bearer !== undefined) return valid(c.bearer) ? { kind: 'granted', via: 'bearer' } : { kind: 'login-required', detail: 'Authentication required' };
  const browser = c.kind !== 'api' || c.fromAdminPage;
  return browser ? { kind: 'granted', via: 'cookie' } : { kind: 'cookie-refused' };
}
