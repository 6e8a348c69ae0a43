import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { samplerLabels } from '../../src/jmx/index.js';
import { PLAN_DEFINITIONS } from '../../src/plans/definitions.js';
import { plansDir } from '../../src/plans/paths.js';
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

/** JMeter's HTTP samplers and the WebSocket plugin accept any certificate by default: no truststore needed. */
describe('the plans in real JMeter 5.6.3 over HTTPS/WSS against the target', () => {
  // Longer than the plain-HTTP runs: the JVM's first TLS handshakes take seconds on a busy machine.
  const SHORT: Record<string, string> = { DURATION: '1000', TIME_SCALE: '0.01', PHASE1_DURATION: '600', BASELINE_DURATION: '600', RECOVERY_DURATION: '600', VERIFY_DURATION: '600', PHASE1_RPS: '200', PHASE6_RPS: '200', WS_MESSAGES_PER_CONNECTION: '10' };
  const propertyFiles = (): string[] => {
    const file = join(dir, 'tls.properties');
    writeFileSync(file, Object.entries({ ...gateway.properties, ...SHORT }).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
    return [join(repoRoot, 'properties', 'ci.properties'), file];
  };
  const plans = Object.keys(PLAN_DEFINITIONS).filter((n) => n !== 'sse_streaming_baseline');

  it.each(plans)('%s runs clean over TLS', async (name) => {
    const plan = PLAN_DEFINITIONS[name];
    if (!plan) throw new Error(name);
    const run = await runPlan(join(plansDir(), `${name}.jmx`), { cwd: dir, name, propertyFiles: propertyFiles() });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(samplerLabels(plan).filter((l) => !labelsOf(run.rows).has(l) && !NOT_IN_STATELESS_RUNS.has(l))).toEqual([]);
    expect(failuresOf(run.rows)).toEqual([]);
  }, 120_000);
});
