/**
 * TLS failures, told apart by the message JMeter (or the SSE client, which reports like it) gives them, and
 * explained: a certificate the JVM's truststore does not trust, one issued for another host, https:// against a
 * plain-HTTP port, http:// against a TLS port (no answer at all: confirmed by a handshake, see gateway-check.ts).
 */

export type TlsFailureKind = 'tls-untrusted' | 'tls-hostname' | 'tls-plain-port' | 'tls-port-plain-url' | 'tls';

/** Certificate failures are never a measurement: a label whose samples (nearly) all fail with one stops the run. */
export const CERTIFICATE_KINDS: ReadonlySet<string> = new Set<TlsFailureKind>(['tls-untrusted', 'tls-hostname']);

/** The kind of a failed sample's code + message, or undefined when it is no TLS failure. */
export function classifyTls(text: string, responseCode: string): TlsFailureKind | undefined {
  if (/^\d{3}$/.test(responseCode)) return undefined;
  if (/PKIX path (building|validation) failed|unable to find valid certification path|does not chain with any of the trust anchors|certificate_unknown|unknown_ca|self[- ]signed certificate/i.test(text)) return 'tls-untrusted';
  if (/No subject alternative (DNS )?names? matching|No name matching .* found|subject alternative names/i.test(text)) return 'tls-hostname';
  if (/Unsupported or unrecognized SSL message|Unrecognized SSL message|plaintext connection/i.test(text)) return 'tls-plain-port';
  if (/SSL|TLS|handshake/i.test(text)) return 'tls';
  return undefined;
}

/** A connection closed without any answer: on an http:// URL, the port may speak TLS. */
export const isNoResponse = (text: string): boolean => /NoHttpResponseException|failed to respond|header parser received no bytes/i.test(text);

const INSECURE = '--insecure to accept any certificate (what JMeter does by default)';

/** What the failure means and what to do, for the gateway at `at` (" at <url>" or ""). */
export function tlsCause(kind: TlsFailureKind, at: string, url?: string): { code: `GATEWAY_${string}`; message: string } {
  switch (kind) {
    case 'tls-untrusted':
      return {
        code: 'GATEWAY_TLS_UNTRUSTED',
        message: `the certificate of the gateway${at} is not trusted by the JVM's truststore (javax.net.ssl.trustStore): pass the CA certificate that signed it with --truststore <PEM, JKS or PKCS12 file>, or ${INSECURE}`,
      };
    case 'tls-hostname':
      return {
        code: 'GATEWAY_TLS_HOSTNAME',
        message: `the certificate of the gateway${at} is not issued for the host of the URL: put a host name the certificate lists in --gateway-url (e.g. localhost for 127.0.0.1), or ${INSECURE}`,
      };
    case 'tls-plain-port':
      return {
        code: 'GATEWAY_TLS_PLAIN_PORT',
        message: `the gateway${at} answers plain HTTP, not TLS: use ${url?.replace(/^https:/, 'http:') ?? 'http://'} in --gateway-url, or the port it serves HTTPS on`,
      };
    case 'tls-port-plain-url':
      return {
        code: 'GATEWAY_TLS_EXPECTED',
        message: `the gateway${at} speaks TLS on that port and drops plain HTTP: use ${url?.replace(/^http:/, 'https:') ?? 'https://'} in --gateway-url`,
      };
    case 'tls':
      return {
        code: 'GATEWAY_TLS',
        message: `the TLS handshake with the gateway${at} failed: check http:// vs https:// in --gateway-url and the certificate (JVM_ARGS=-Djavax.net.debug=ssl:handshake traces it in JMeter's output)`,
      };
  }
}
