import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { samplerLabels } from '../../src/jmx/index.js';
import { PLAN_DEFINITIONS } from '../../src/plans/definitions.js';
import { plansDir } from '../../src/plans/paths.js';
import { readTrustStore, withTrustStoreProperties } from '../../src/runner/truststore.js';
import { selfSignedCertificate, type TlsMaterial } from '../../src/target/self-signed.js';
import { repoRoot } from '../jmx/jmeter-home.js';
import { startTestGateway, type TestGateway } from '../plans/gateway.js';
import { failuresOf, labelsOf, NOT_IN_STATELESS_RUNS, runPlan } from '../plans/run-jmeter.js';

let tls: TlsMaterial;
let gateway: TestGateway;
let dir: string;

beforeAll(async () => {
  tls = await selfSignedCertificate();
  gateway = await startTestGateway({ tls });
  dir = mkdtempSync(join(tmpdir(), 'jtl-target-tls-'));
}, 60_000);
afterAll(async () => {
  await gateway?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, ca?: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    https
      .get(url, { ...(ca !== undefined && { ca }) }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });

describe('jtl target --tls', () => {
  it('serves HTTPS with its certificate: trusted with it, refused without it', async () => {
    const url = gateway.properties.GATEWAY_URL ?? '';
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(gateway.properties.FAST_TIME_URL).toMatch(/^https:\/\//);
    expect(await get(`${url}/health`, tls.cert)).toEqual({ status: 200, body: '{"status":"healthy"}' });
    await expect(get(`${url}/health`)).rejects.toThrow(/self-signed certificate/);
  });

  it('serves WSS: a JSON-RPC frame on /ws gets its answer', async () => {
    const ws = new WebSocket(`${(gateway.properties.GATEWAY_URL ?? '').replace(/^https/, 'wss')}/ws`, {
      ca: tls.cert,
      headers: { authorization: `Bearer ${gateway.properties.TOKEN}` },
    });
    try {
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const reply = new Promise<string>((resolve) => ws.once('message', (data: Buffer) => resolve(data.toString())));
      ws.send(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list' }));
      expect(JSON.parse(await reply)).toMatchObject({ jsonrpc: '2.0', id: 7 });
    } finally {
      ws.close();
    }
  });
});

/** JMeter's HTTP samplers and the WebSocket plugin accept any certificate: no truststore needed; the SSE client does the same. */
describe('the plans in real JMeter 5.6.3 over HTTPS/WSS against the target', () => {
  // Longer than the plain-HTTP runs: the JVM's first TLS handshakes take seconds on a busy machine.
  const SHORT: Record<string, string> = { DURATION: '1000', TIME_SCALE: '0.01', PHASE1_DURATION: '600', BASELINE_DURATION: '600', RECOVERY_DURATION: '600', VERIFY_DURATION: '600', PHASE1_RPS: '200', PHASE6_RPS: '200', WS_MESSAGES_PER_CONNECTION: '10' };
  const propertyFiles = (): string[] => {
    const file = join(dir, 'tls.properties');
    writeFileSync(file, Object.entries({ ...gateway.properties, ...SHORT }).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
    return [join(repoRoot, 'properties', 'ci.properties'), file];
  };
  const plans = Object.keys(PLAN_DEFINITIONS);

  it.each(plans)('%s runs clean over TLS', async (name) => {
    const plan = PLAN_DEFINITIONS[name];
    if (!plan) throw new Error(name);
    const run = await runPlan(join(plansDir(), `${name}.jmx`), { cwd: dir, name, propertyFiles: propertyFiles() });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(samplerLabels(plan).filter((l) => !labelsOf(run.rows).has(l) && !NOT_IN_STATELESS_RUNS.has(l))).toEqual([]);
    expect(failuresOf(run.rows)).toEqual([]);
  }, 120_000);
});

/**
 * The SSE plan's Java HttpClient follows JMeter's TLS settings: with javax.net.ssl.trustStore configured (here through a
 * -S file, as `jtl run --truststore` passes it) it verifies the certificate, and a store without the target's CA fails
 * every SSE connect with the handshake's cause, a few times per thread (backing off), not hundreds.
 */
describe('the SSE client over TLS with a configured truststore', () => {
  const THREADS = 4; // CONNECTIONS in properties/ci.properties
  const RUN_S = 3;
  const run = async (name: string, trusted: string, extra: Record<string, string> = {}) => {
    const trustFile = join(dir, `${name}.pem`);
    writeFileSync(trustFile, trusted);
    const props = join(dir, `${name}.properties`);
    const all = { ...gateway.properties, DURATION: String(RUN_S * 100), TIME_SCALE: '0.01', ...extra };
    writeFileSync(props, Object.entries(all).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
    const store = await readTrustStore(trustFile, undefined, process.env);
    return withTrustStoreProperties(store, process.env, (system) =>
      runPlan(join(plansDir(), 'sse_streaming_baseline.jmx'), {
        cwd: dir,
        name,
        propertyFiles: [join(repoRoot, 'properties', 'ci.properties'), props],
        ...(system !== undefined && { systemPropertyFiles: [system] }),
      }),
    );
  };

  it('a store without the target\'s CA: every SSE connect fails with the PKIX cause, a bounded number of times; JMeter\'s own sampler passes', async () => {
    const r = await run('sse-untrusted', (await selfSignedCertificate()).cert);
    const sse = r.rows.filter((row) => row.label === 'SSE connect');
    expect(sse.length).toBeGreaterThanOrEqual(THREADS);
    // 50, 100, 200, 400, 800 ms, then 1 s between attempts: at most 6 + one per second per thread (without: ~900 in 5 s).
    expect(sse.length).toBeLessThanOrEqual(THREADS * (6 + RUN_S));
    expect(new Set(sse.map((row) => `${row.success} ${row.responseCode}`))).toEqual(new Set(['false Non HTTP response code: javax.net.ssl.SSLHandshakeException']));
    // Same subject (CN=localhost) as the target's certificate: "validation" (does not chain), else "building" (no path).
    const pkix = /^Non HTTP response message: PKIX path (building failed: .*unable to find valid certification path to requested target|validation failed: .*Path does not chain with any of the trust anchors)$/;
    expect(sse.map((row) => row.responseMessage).filter((m) => !pkix.test(m))).toEqual([]);
    // The backoff is idle time, not part of the sample: a failed handshake takes milliseconds.
    expect(Math.max(...sse.map((row) => Number(row.elapsed)))).toBeLessThan(1000);
    const health = r.rows.filter((row) => row.label === 'GET /health');
    expect(health.length).toBeGreaterThan(0);
    expect(failuresOf(health)).toEqual([]); // JMeter 5.6.3's HTTP samplers accept any certificate, truststore or not
    expect(r.log).toMatch(/SSE client: verifying certificates against \/tmp\/jtl-truststore-\w+\/truststore\.p12/);
    expect(r.log.match(/SSE connect to https:\/\/127\.0\.0\.1:\d+\/v1\/servers\/\w+\/sse failed: Non HTTP response message: PKIX path (building|validation) failed/g)).toHaveLength(1);
  }, 120_000);

  it('the same store with TLS_TRUST_ALL=true (jtl run --insecure): clean', async () => {
    const r = await run('sse-trust-all', (await selfSignedCertificate()).cert, { TLS_TRUST_ALL: 'true' });
    expect(r.log).toContain('SSE client: accepting any certificate');
    expect(labelsOf(r.rows).has('SSE connect')).toBe(true);
    expect(failuresOf(r.rows)).toEqual([]);
  }, 120_000);

  it('a store holding the target\'s certificate: verified (chain and host name 127.0.0.1), clean', async () => {
    const r = await run('sse-trusted', tls.cert);
    expect(r.log).toContain('SSE client: verifying certificates against');
    expect(labelsOf(r.rows).has('SSE connect')).toBe(true);
    expect(failuresOf(r.rows)).toEqual([]);
  }, 120_000);
});
