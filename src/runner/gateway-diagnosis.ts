/**
 * Could the run measure the gateway at all? Pure: samples are tallied by why they failed, and a tally that says
 * "nothing was measured" (a dead URL, a refused token, an unknown virtual server, a readiness check that stopped
 * the test) becomes one verdict with the cause and the fix.
 */
import { CERTIFICATE_KINDS, classifyTls, isNoResponse, tlsCause, type TlsFailureKind } from './tls-diagnosis.js';

export type FailureKind = 'refused' | 'unknown-host' | TlsFailureKind | 'no-response' | 'connect-timeout' | 'token' | 'server-id' | 'not-found' | 'other';

/** The columns of a JTL row the diagnosis reads. */
export interface DiagnosedSample {
  readonly label: string;
  readonly responseCode: string;
  readonly responseMessage: string;
  readonly success: boolean;
}

export interface FailureExample {
  readonly label: string;
  readonly responseCode: string;
  readonly responseMessage: string;
}

export interface GatewayTally {
  samples: number;
  failed: number;
  /** Samples addressed to the virtual server (MCP, SSE, WS): a wrong server id fails all of them, and only them. */
  serverScoped: number;
  readonly byKind: Map<FailureKind, { count: number; example: FailureExample }>;
  /** Samples per label, and of them the ones that failed on the gateway's certificate. */
  readonly byLabel: Map<string, { samples: number; certificate: number }>;
  /** The first failed sample of a readiness check (a setUp thread group that stops the test on error). */
  setUpFailure?: FailureExample & { readonly kind: FailureKind };
}

export interface GatewayVerdict {
  readonly code: `GATEWAY_${string}`;
  readonly message: string;
}

export interface GatewayContext {
  readonly gatewayUrl?: string;
  readonly serverId?: string;
  /** An http:// URL whose port answered a TLS handshake (checked when its samples got no answer at all). */
  readonly speaksTls?: boolean;
}

/** Labels of samples that talk to one virtual server: a 404 there means the server id is wrong. */
const SERVER_SCOPED = /\bMCP\b|\bSSE\b|^WS |setUp MCP/;
const READINESS = /^setUp /;

export const newTally = (): GatewayTally => ({ samples: 0, failed: 0, serverScoped: 0, byKind: new Map(), byLabel: new Map() });

/** A certificate failure: (nearly) every sample of a label failed on it, whatever the other labels did. */
const CERTIFICATE_SHARE = 0.9;

/** A wrong server id: (nearly) every sample addressed to the virtual server got 404, whatever the REST share. */
const SERVER_ID_SHARE = 0.9;

export function classifyFailure(s: DiagnosedSample): FailureKind {
  const text = `${s.responseCode} ${s.responseMessage}`;
  if (/UnknownHostException|Name or service not known|nodename nor servname/i.test(text)) return 'unknown-host';
  if (/ConnectTimeoutException|connect timed out/i.test(text)) return 'connect-timeout';
  const tls = classifyTls(text, s.responseCode);
  if (tls !== undefined) return tls;
  if (isNoResponse(text)) return 'no-response';
  if (/ConnectException|Connection refused|NoRouteToHost|HttpHostConnectException/i.test(text)) return 'refused';
  if (s.responseCode === '401' || s.responseCode === '403') return 'token';
  if (s.responseCode === '404') return SERVER_SCOPED.test(s.label) ? 'server-id' : 'not-found';
  return 'other';
}

export function addToTally(tally: GatewayTally, s: DiagnosedSample): void {
  tally.samples += 1;
  if (SERVER_SCOPED.test(s.label)) tally.serverScoped += 1;
  const label = tally.byLabel.get(s.label) ?? { samples: 0, certificate: 0 };
  tally.byLabel.set(s.label, label);
  label.samples += 1;
  if (s.success) return;
  tally.failed += 1;
  const kind = classifyFailure(s);
  if (CERTIFICATE_KINDS.has(kind)) label.certificate += 1;
  const example = { label: s.label, responseCode: s.responseCode, responseMessage: s.responseMessage };
  const entry = tally.byKind.get(kind);
  if (entry) entry.count += 1;
  else tally.byKind.set(kind, { count: 1, example });
  if (tally.setUpFailure === undefined && READINESS.test(s.label)) tally.setUpFailure = { ...example, kind };
}

const BLOCKING: readonly FailureKind[] = [
  'refused', 'unknown-host', 'tls-untrusted', 'tls-hostname', 'tls-plain-port', 'tls', 'connect-timeout', 'token', 'server-id', 'not-found',
];

/**
 * The verdict, or undefined when the run measured the gateway. A readiness check that failed always blocks;
 * otherwise blocking failures must be at least half of all samples (a bad token fails everything but /health).
 */
export function diagnoseGateway(tally: GatewayTally, ctx: GatewayContext): GatewayVerdict | undefined {
  if (tally.setUpFailure) {
    const f = tally.setUpFailure;
    const why = f.kind === 'other' ? `the gateway is not ready to be measured` : causeOf(f.kind, ctx).message;
    return {
      code: f.kind === 'other' ? 'GATEWAY_NOT_READY' : causeOf(f.kind, ctx).code,
      message: `the readiness check stopped the test: "${f.label}" got ${describe(f)}; ${why}`,
    };
  }
  const serverId = tally.byKind.get('server-id');
  if (serverId && serverId.count >= SERVER_ID_SHARE * tally.serverScoped) {
    return {
      code: 'GATEWAY_SERVER_NOT_FOUND',
      message: `${serverId.count} of ${tally.serverScoped} samples addressed to the virtual server failed with ${describe(serverId.example)} (e.g. "${serverId.example.label}"): ${causeOf('server-id', ctx).message}`,
    };
  }
  const certificate = [...tally.byLabel].find(([, l]) => l.certificate > 0 && l.certificate >= CERTIFICATE_SHARE * l.samples);
  if (certificate) {
    const [label, { samples, certificate: failed }] = certificate;
    const count = (kind: FailureKind): number => tally.byKind.get(kind)?.count ?? 0;
    const kind = count('tls-untrusted') >= count('tls-hostname') ? 'tls-untrusted' : 'tls-hostname';
    return { code: causeOf(kind, ctx).code, message: `${failed} of ${samples} "${label}" samples failed with ${describe(tally.byKind.get(kind)!.example)}: ${causeOf(kind, ctx).message}` };
  }
  // No answer at all is a measurement (a gateway dropping connections), unless the port speaks TLS to an http:// URL.
  const blocking = [...BLOCKING, ...(ctx.speaksTls === true ? ['no-response' as const] : [])]
    .map((kind) => [kind, tally.byKind.get(kind)?.count ?? 0] as const)
    .filter(([, n]) => n > 0);
  const total = blocking.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0 || total * 2 < tally.samples) return undefined;
  const [kind, count] = blocking.reduce((a, b) => (b[1] > a[1] ? b : a));
  const example = tally.byKind.get(kind)!.example;
  const cause = causeOf(kind, ctx);
  return { code: cause.code, message: `${count} of ${tally.samples} samples failed with ${describe(example)} (e.g. "${example.label}"): ${cause.message}` };
}

const describe = (f: FailureExample): string => {
  const code = f.responseCode.replace(/^Non HTTP response code: /, '');
  const message = f.responseMessage.replace(/^Non HTTP response message: /, '');
  return message && message !== code ? `${code} ${message}` : code;
};

function causeOf(kind: FailureKind, ctx: GatewayContext): GatewayVerdict {
  const at = ctx.gatewayUrl ? ` at ${ctx.gatewayUrl}` : '';
  switch (kind) {
    case 'refused':
    case 'connect-timeout':
      return { code: 'GATEWAY_UNREACHABLE', message: `is the gateway${at} up? Start it, or pass the right --gateway-url (JMETER_GATEWAY_URL)` };
    case 'unknown-host':
      return { code: 'GATEWAY_UNREACHABLE', message: `the host of the gateway URL${at} is unknown: check --gateway-url (JMETER_GATEWAY_URL)` };
    case 'tls':
    case 'tls-untrusted':
    case 'tls-hostname':
    case 'tls-plain-port':
    case 'tls-port-plain-url':
      return tlsCause(kind, at, ctx.gatewayUrl);
    case 'token':
      return { code: 'GATEWAY_TOKEN_REFUSED', message: `the token was refused by the gateway${at}: set JMETER_TOKEN (or --token-file) to a valid, unexpired token for this gateway` };
    case 'server-id':
      return {
        code: 'GATEWAY_SERVER_NOT_FOUND',
        message: `no virtual server ${ctx.serverId ?? '(SERVER_ID)'} on the gateway${at} — check JMETER_SERVER_ID / --server-id (GET /servers lists the ids; ContextForge wants the 32-hex id without dashes)`,
      };
    case 'not-found':
      return { code: 'GATEWAY_WRONG_URL', message: `the URL${at} answers 404 to the plan's paths: is it the gateway's base URL (--gateway-url)?` };
    case 'no-response':
      return ctx.speaksTls === true ? tlsCause('tls-port-plain-url', at, ctx.gatewayUrl) : { code: 'GATEWAY_NOT_READY', message: 'the gateway is not ready to be measured' };
    case 'other':
      return { code: 'GATEWAY_NOT_READY', message: 'the gateway is not ready to be measured' };
  }
}
