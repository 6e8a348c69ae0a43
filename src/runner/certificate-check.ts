import { isIP } from 'node:net';
import tls from 'node:tls';

import { RunError } from '../errors.js';
import { readTrustStore, readTrustStorePassword, type TrustStore } from './truststore.js';
import type { RunRequest } from './types.js';

/** What one TLS handshake with the gateway said about its certificate, checked against a truststore. */
export type CertificateProbe =
  | { readonly kind: 'trusted' }
  | { readonly kind: 'untrusted'; readonly reason: string }
  | { readonly kind: 'hostname'; readonly reason: string }
  /** No handshake (refused, timed out, not TLS): the run's own diagnosis will say why. */
  | { readonly kind: 'no-handshake'; readonly reason: string };

/**
 * JMeter's HTTP samplers and its WebSocket plugin accept any server certificate, whatever the truststore (JMeter
 * 5.6.3's trust manager only logs), so `jtl run --truststore` verifies the gateway's certificate here, once, before
 * the run: the chain against the store's certificates, then the host name as an HTTPS client does.
 */
export function probeCertificate(gatewayUrl: string, ca: readonly string[], timeoutMs = 10_000): Promise<CertificateProbe> {
  const url = new URL(gatewayUrl);
  return handshake(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port || 443), ca, timeoutMs);
}

/** Whether the port of an http:// URL answers a TLS handshake instead (its samples then get no answer at all). */
export async function speaksTls(httpUrl: string, timeoutMs = 3000): Promise<boolean> {
  const url = new URL(httpUrl);
  return (await handshake(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port || 80), [], timeoutMs)).kind !== 'no-handshake';
}

function handshake(host: string, port: number, ca: readonly string[], timeoutMs: number): Promise<CertificateProbe> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port, ca: [...ca], rejectUnauthorized: false, ...(isIP(host) === 0 && { servername: host }) });
    const done = (probe: CertificateProbe): void => {
      socket.destroy();
      resolve(probe);
    };
    socket.setTimeout(timeoutMs, () => done({ kind: 'no-handshake', reason: `no TLS handshake within ${timeoutMs} ms` }));
    socket.once('error', (error: NodeJS.ErrnoException) => done({ kind: 'no-handshake', reason: error.code ? `${error.code} ${error.message}` : error.message }));
    socket.once('secureConnect', () => {
      const mismatch = tls.checkServerIdentity(host, socket.getPeerCertificate());
      const error = socket.authorized ? undefined : String(socket.authorizationError);
      // Node reports a host name mismatch as an authorization error of its own.
      if (error !== undefined && error !== 'ERR_TLS_CERT_ALTNAME_INVALID') return done({ kind: 'untrusted', reason: reasonOf(error) });
      done(mismatch ? { kind: 'hostname', reason: mismatch.message } : { kind: 'trusted' });
    });
  });
}

/** OpenSSL's verification codes that users meet, in words. */
const REASONS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'a self-signed certificate the store does not hold',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed CA the store does not hold',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'signed by a CA the store does not hold',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'signed by a CA the store does not hold',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
};
const reasonOf = (code: string): string => (REASONS[code] ? `${REASONS[code]}: ${code}` : code);

/**
 * `--truststore`: reads the store (and its password, from a file or the environment), then verifies an https gateway's
 * certificate against it. A certificate it does not trust stops the run before JMeter starts (exit 3); no handshake
 * at all is left to the run, whose diagnosis names the cause.
 */
export async function checkGatewayCertificate(
  option: NonNullable<RunRequest['truststore']>,
  gatewayUrl: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<TrustStore> {
  const store = await readTrustStore(option.file, await readTrustStorePassword(env, option.passwordFile), env);
  if (gatewayUrl === undefined || !gatewayUrl.startsWith('https://')) return store;
  const probe = await probeCertificate(gatewayUrl, store.certificates);
  if (probe.kind === 'untrusted') {
    throw new RunError(
      'GATEWAY_TLS_UNTRUSTED',
      `the certificate of the gateway at ${gatewayUrl} is not trusted by --truststore ${option.file} (${probe.reason}): ` +
        'pass the CA certificate that signed it (PEM, JKS or PKCS12), or --insecure instead of --truststore to accept any certificate, as JMeter does by default',
      { gatewayUrl, truststore: option.file },
    );
  }
  if (probe.kind === 'hostname') {
    throw new RunError(
      'GATEWAY_TLS_HOSTNAME',
      `the certificate of the gateway at ${gatewayUrl} is trusted but not issued for this host (${probe.reason}): ` +
        'use a host name the certificate lists in --gateway-url, or --insecure instead of --truststore to skip the check',
      { gatewayUrl, truststore: option.file },
    );
  }
  return store;
}
