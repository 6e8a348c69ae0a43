import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { selfSignedCertificate } from '../../src/target/self-signed.js';
import { expectCleanRun, runTierPlan, startRealGateway, tierTable, type RealGateway, type TierRun } from './real-gateway.js';

/**
 * The real ContextForge served over TLS (scripts/gateway.sh with GATEWAY_TLS=1: uvicorn's --ssl-keyfile/--ssl-certfile,
 * SSL=true for its calls to itself, a self-signed certificate): the REST, MCP, WebSocket (wss://) and SSE plans run
 * clean through `jtl run` accepting any certificate as JMeter does, and verifying it with `--truststore`; a store
 * that does not hold it and an http:// URL against the TLS port stop with the cause.
 */
let gateway: RealGateway | undefined;
let scratch: string;
const runs: TierRun[] = [];
const started = Date.now();

beforeAll(async () => {
  gateway = await startRealGateway({ tls: true });
  scratch = mkdtempSync(join(tmpdir(), 'gateway-tls-'));
});

afterAll(async () => {
  await gateway?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (runs.length > 0) console.log(`${tierTable(runs, new Date().toISOString().slice(0, 10))}\n\ngateway TLS tier: ${Math.round((Date.now() - started) / 1000)} s in all`);
});

const tls = (): RealGateway & { certFile: string } => {
  if (gateway?.certFile === undefined) throw new Error('the TLS gateway did not start');
  return gateway as RealGateway & { certFile: string };
};

async function expectClean(name: string, plan: string, opts: readonly string[] = []): Promise<TierRun> {
  const run = await runTierPlan(tls(), name, plan, opts);
  runs.push(run);
  expectCleanRun(run);
  return run;
}

describe('the plans against a real ContextForge gateway over TLS', () => {
  it('serves https:// with the certificate scripts/gateway.sh made', () => {
    expect(tls().url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(['rest_api_baseline', 'mcp_jsonrpc_baseline', 'websocket_baseline', 'sse_streaming_baseline'])('%s over TLS (any certificate, as JMeter)', async (plan) => {
    await expectClean(`${plan} TLS`, plan);
  });

  it.each(['mcp_jsonrpc_baseline', 'sse_streaming_baseline'])('%s with --truststore <its certificate>: verified, clean', async (plan) => {
    await expectClean(`${plan} TLS --truststore`, plan, ['--truststore', tls().certFile]);
  });

  it('--truststore holding another CA: stopped before JMeter starts, exit 3 with the cause and the fix', async () => {
    const other = join(scratch, 'other-ca.pem');
    writeFileSync(other, (await selfSignedCertificate()).cert);
    const run = await runTierPlan(tls(), 'rest_api_baseline other CA', 'rest_api_baseline', ['--truststore', other]);
    expect(run.exitCode, run.output).toBe(3);
    expect(run.samples).toBe(0);
    expect(run.output).toContain(`jtl: error GATEWAY_TLS_UNTRUSTED the certificate of the gateway at ${tls().url} is not trusted by --truststore ${other} (a self-signed certificate the store does not hold: DEPTH_ZERO_SELF_SIGNED_CERT): pass the CA certificate that signed it (PEM, JKS or PKCS12), or --insecure instead of --truststore`);
  });

  it('an http:// URL against its TLS port: exit 3, "use https://"', async () => {
    const plain = tls().url.replace(/^https:/, 'http:');
    const run = await runTierPlan({ ...tls(), url: plain }, 'rest_api_baseline http:// to TLS', 'rest_api_baseline');
    expect(run.exitCode, run.output).toBe(3);
    expect(run.output).toMatch(new RegExp(`jtl: error GATEWAY_TLS_EXPECTED \\d+ of \\d+ samples failed with .*: the gateway at ${plain} speaks TLS on that port and drops plain HTTP: use ${tls().url} in --gateway-url`));
  });
});
