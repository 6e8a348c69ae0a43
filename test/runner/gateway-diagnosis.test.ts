import { describe, expect, it } from 'vitest';

import { addToTally, classifyFailure, diagnoseGateway, newTally, type DiagnosedSample } from '../../src/runner/gateway-diagnosis.js';

const ok = (label: string): DiagnosedSample => ({ label, responseCode: '200', responseMessage: 'OK', success: true });
const failed = (label: string, responseCode: string, responseMessage = ''): DiagnosedSample => ({ label, responseCode, responseMessage, success: false });
const REFUSED = failed('GET /tools', 'Non HTTP response code: org.apache.http.conn.HttpHostConnectException', 'Non HTTP response message: Connect to 127.0.0.1:59999 [/127.0.0.1] failed: Connection refused');
const ctx = { gatewayUrl: 'http://127.0.0.1:59999', serverId: 'abc' };

const tallyOf = (samples: readonly DiagnosedSample[]) => {
  const t = newTally();
  for (const s of samples) addToTally(t, s);
  return t;
};
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe('classifyFailure', () => {
  it.each([
    [REFUSED, 'refused'],
    [failed('GET /tools', 'Non HTTP response code: java.net.UnknownHostException', 'Non HTTP response message: nope.invalid: Name or service not known'), 'unknown-host'],
    [failed('GET /tools', 'Non HTTP response code: javax.net.ssl.SSLHandshakeException', 'Non HTTP response message: Remote host terminated the handshake'), 'tls'],
    [failed('GET /tools', 'Non HTTP response code: org.apache.http.conn.ConnectTimeoutException', 'connect timed out'), 'connect-timeout'],
    [failed('GET /tools', '401', 'Unauthorized'), 'token'],
    [failed('WS connect', '403', 'Forbidden'), 'token'],
    [failed('MCP tools/list', '404', 'Not Found'), 'server-id'],
    [failed('setUp MCP initialize (thread start)', '404', 'Not Found'), 'server-id'],
    [failed('GET /tools', '404', 'Not Found'), 'not-found'],
    [failed('GET /tools', '500', 'Internal Server Error'), 'other'],
    [failed('SSE connect', 'Non HTTP response code: javax.net.ssl.SSLHandshakeException', 'Non HTTP response message: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target'), 'tls-untrusted'],
    [failed('SSE connect', 'Non HTTP response code: javax.net.ssl.SSLHandshakeException', 'Non HTTP response message: PKIX path validation failed: java.security.cert.CertPathValidatorException: Path does not chain with any of the trust anchors'), 'tls-untrusted'],
    [failed('SSE connect', 'Non HTTP response code: javax.net.ssl.SSLHandshakeException', 'Non HTTP response message: No subject alternative names matching IP address 127.0.0.1 found'), 'tls-hostname'],
    [failed('SSE connect', 'Non HTTP response code: javax.net.ssl.SSLHandshakeException', 'Non HTTP response message: No subject alternative DNS name matching gw.local found.'), 'tls-hostname'],
    [failed('GET /tools', 'Non HTTP response code: javax.net.ssl.SSLException', 'Non HTTP response message: Unsupported or unrecognized SSL message'), 'tls-plain-port'],
    [failed('SSE connect', 'Non HTTP response code: javax.net.ssl.SSLException', 'Non HTTP response message: Unrecognized SSL message, plaintext connection?'), 'tls-plain-port'],
    [failed('GET /tools', 'Non HTTP response code: org.apache.http.NoHttpResponseException', 'Non HTTP response message: 127.0.0.1:4443 failed to respond'), 'no-response'],
    [failed('SSE connect', 'Non HTTP response code: java.io.IOException', 'Non HTTP response message: HTTP/1.1 header parser received no bytes'), 'no-response'],
  ] as const)('%j → %s', (sample, kind) => expect(classifyFailure(sample)).toBe(kind));
});

describe('diagnoseGateway', () => {
  it('a dead gateway: every sample refused', () => {
    expect(diagnoseGateway(tallyOf(times(40, REFUSED)), ctx)).toEqual({
      code: 'GATEWAY_UNREACHABLE',
      message: '40 of 40 samples failed with org.apache.http.conn.HttpHostConnectException Connect to 127.0.0.1:59999 [/127.0.0.1] failed: Connection refused (e.g. "GET /tools"): is the gateway at http://127.0.0.1:59999 up? Start it, or pass the right --gateway-url (JMETER_GATEWAY_URL)',
    });
  });

  it('a bad token: 82 % fail with 401, /health and /ready still answer', () => {
    const samples = [...times(399, failed('GET /tools', '401', 'Unauthorized')), ...times(87, ok('GET /health'))];
    const v = diagnoseGateway(tallyOf(samples), ctx);
    expect(v?.code).toBe('GATEWAY_TOKEN_REFUSED');
    expect(v?.message).toMatch(/^399 of 486 samples failed with 401 Unauthorized \(e\.g\. "GET \/tools"\): the token was refused by the gateway at http:\/\/127\.0\.0\.1:59999: set JMETER_TOKEN/);
  });

  it('the readiness check stopped the test: 2 samples, 1 failed with 404 on the MCP server', () => {
    const v = diagnoseGateway(tallyOf([ok('setUp GET /health'), failed('setUp MCP initialize (thread start)', '404', 'Not Found')]), ctx);
    expect(v?.code).toBe('GATEWAY_SERVER_NOT_FOUND');
    expect(v?.message).toBe(
      'the readiness check stopped the test: "setUp MCP initialize (thread start)" got 404 Not Found; no virtual server abc on the gateway at http://127.0.0.1:59999 — check JMETER_SERVER_ID / --server-id (GET /servers lists the ids; ContextForge wants the 32-hex id without dashes)',
    );
  });

  it('a wrong server id in load_test: every MCP sample 404 while the REST 60 % passes (40 % failed)', () => {
    const samples = [...times(60, ok('GET /tools')), ...times(38, failed('MCP tools/list', '404', 'Not Found')), ...times(2, failed('MCP initialize (thread start)', '404', 'Not Found'))];
    expect(diagnoseGateway(tallyOf(samples), ctx)).toEqual({
      code: 'GATEWAY_SERVER_NOT_FOUND',
      message: '40 of 40 samples addressed to the virtual server failed with 404 Not Found (e.g. "MCP tools/list"): no virtual server abc on the gateway at http://127.0.0.1:59999 — check JMETER_SERVER_ID / --server-id (GET /servers lists the ids; ContextForge wants the 32-hex id without dashes)',
    });
    // A few 404s among working MCP calls (a resource gone) are a measurement.
    expect(diagnoseGateway(tallyOf([...times(30, ok('MCP tools/list')), ...times(3, failed('MCP resources/read', '404', 'Not Found'))]), ctx)).toBeUndefined();
  });

  it('a readiness check failing for another reason (406) still says the test measured nothing', () => {
    const v = diagnoseGateway(tallyOf([ok('setUp GET /health'), failed('setUp MCP initialize (thread start)', '406', 'Not Acceptable')]), ctx);
    expect(v).toEqual({ code: 'GATEWAY_NOT_READY', message: 'the readiness check stopped the test: "setUp MCP initialize (thread start)" got 406 Not Acceptable; the gateway is not ready to be measured' });
  });

  it('a measurement: a slow or failing gateway (5xx), or a minority of connection errors, is not a verdict', () => {
    expect(diagnoseGateway(tallyOf(times(10, failed('GET /tools', '500', 'Internal Server Error'))), ctx)).toBeUndefined();
    expect(diagnoseGateway(tallyOf([...times(11, ok('GET /tools')), ...times(10, REFUSED)]), ctx)).toBeUndefined();
    expect(diagnoseGateway(tallyOf(times(5, ok('GET /tools'))), ctx)).toBeUndefined();
  });
});

describe('diagnoseGateway: TLS', () => {
  const UNTRUSTED = failed('SSE connect', 'Non HTTP response code: javax.net.ssl.SSLHandshakeException', 'Non HTTP response message: PKIX path building failed: unable to find valid certification path to requested target');
  const HOSTNAME = failed('SSE connect', 'Non HTTP response code: javax.net.ssl.SSLHandshakeException', 'Non HTTP response message: No subject alternative names matching IP address 127.0.0.1 found');
  const NO_ANSWER = failed('GET /tools', 'Non HTTP response code: org.apache.http.NoHttpResponseException', 'Non HTTP response message: 127.0.0.1:59999 failed to respond');
  const tlsCtx = { gatewayUrl: 'https://127.0.0.1:59999', serverId: 'abc' };

  it('every SSE connect fails on the certificate while JMeter\'s own /health passes (it trusts any certificate): a verdict, not a measurement', () => {
    const v = diagnoseGateway(tallyOf([...times(12, UNTRUSTED), ...times(40, ok('GET /health'))]), tlsCtx);
    expect(v).toEqual({
      code: 'GATEWAY_TLS_UNTRUSTED',
      message: '12 of 12 "SSE connect" samples failed with javax.net.ssl.SSLHandshakeException PKIX path building failed: unable to find valid certification path to requested target: the certificate of the gateway at https://127.0.0.1:59999 is not trusted by the JVM\'s truststore (javax.net.ssl.trustStore): pass the CA certificate that signed it with --truststore <PEM, JKS or PKCS12 file>, or --insecure to accept any certificate (what JMeter does by default)',
    });
  });

  it('a host name mismatch names the fix; a few certificate failures among passing samples of the same label are not a verdict', () => {
    expect(diagnoseGateway(tallyOf(times(5, HOSTNAME)), tlsCtx)?.message).toMatch(/^5 of 5 "SSE connect" samples failed with .*: the certificate of the gateway at https:\/\/127\.0\.0\.1:59999 is not issued for the host of the URL: put a host name the certificate lists in --gateway-url/);
    expect(diagnoseGateway(tallyOf([...times(2, UNTRUSTED), ...times(30, ok('SSE connect'))]), tlsCtx)).toBeUndefined();
  });

  it('no answer at all on an http:// URL: "use https://" only when the port speaks TLS, else a measurement', () => {
    const httpCtx = { gatewayUrl: 'http://127.0.0.1:59999' };
    expect(diagnoseGateway(tallyOf(times(20, NO_ANSWER)), { ...httpCtx, speaksTls: true })).toEqual({
      code: 'GATEWAY_TLS_EXPECTED',
      message: '20 of 20 samples failed with org.apache.http.NoHttpResponseException 127.0.0.1:59999 failed to respond (e.g. "GET /tools"): the gateway at http://127.0.0.1:59999 speaks TLS on that port and drops plain HTTP: use https://127.0.0.1:59999 in --gateway-url',
    });
    expect(diagnoseGateway(tallyOf(times(20, NO_ANSWER)), { ...httpCtx, speaksTls: false })).toBeUndefined();
  });
});
