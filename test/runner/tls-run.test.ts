import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { selfSignedCertificate, type TlsMaterial } from '../../src/target/self-signed.js';
import { startTarget, type RunningTarget } from '../../src/target/index.js';
import { repo, runJtl, scratchDir } from './helpers.js';

/**
 * `jtl run` against the embedded target over TLS in real JMeter 5.6.3: --truststore verifies the gateway's
 * certificate (and the SSE client uses the store), its password stays out of argv, files and output; certificate
 * errors, http:// against a TLS port and https:// against a plain one end with the cause and the fix (exit 3).
 */
const scratch = scratchDir('tls');
const TOKEN = 'tls-run-token-5c81e2';
const STORE_PASSWORD = 'store-pass-9f3a7c21';
let cert: TlsMaterial;
let target: RunningTarget;
let plain: RunningTarget;

beforeAll(async () => {
  cert = await selfSignedCertificate();
  [target, plain] = await Promise.all([
    startTarget({ token: TOKEN, tls: cert, fastTimePort: null, fastTestPort: null }),
    startTarget({ token: TOKEN, fastTimePort: null, fastTestPort: null }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([target?.close(), plain?.close()]);
  rmSync(scratch, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH, JMETER_HOME: process.env.JMETER_HOME, JMETER_TOKEN: TOKEN, ...extra });
const SHORT = ['--profile', 'ci', '-J', 'DURATION=300', '--server-id', '5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b'];
const pemFile = (name: string, text: string): string => {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
};
/** A JKS store holding `pem`, made with keytool, its password passed through the environment. */
async function jks(name: string, pem: string): Promise<string> {
  const file = join(scratch, name);
  await execa('keytool', ['-importcert', '-noprompt', '-alias', 'ca', '-file', pemFile(`${name}.pem`, pem), '-keystore', file, '-storetype', 'JKS', '-storepass:env', 'P'], {
    env: { P: STORE_PASSWORD },
  });
  return file;
}
const runFolder = (out: string): string => join(out, readlinkSync(join(out, 'latest')));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
const truststoreDirs = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('jtl-truststore-'));

describe('jtl run --truststore', () => {
  it('a JKS store (a relative path) holding the certificate, password from JMETER_TRUSTSTORE_PASSWORD: verified, clean; the password nowhere', async () => {
    const store = await jks('gateway.jks', cert.cert);
    const out = join(scratch, 'jks');
    const before = truststoreDirs();
    const r = await runJtl(['run', 'sse_streaming_baseline', ...SHORT, '--out', out, '--gateway-url', target.url, '--truststore', relative(repo, store)], env({ JMETER_TRUSTSTORE_PASSWORD: STORE_PASSWORD }));
    expect(r.exitCode, r.all).toBe(0);
    const folder = runFolder(out);
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary.analysis.errors).toBe(0);
    expect(summary.analysis.samples).toBeGreaterThan(0);
    expect(readFileSync(join(folder, 'jmeter.log'), 'utf8')).toContain(`SSE client: verifying certificates against ${store}`);
    for (const file of filesUnder(folder)) expect(readFileSync(file, 'latin1'), file).not.toContain(STORE_PASSWORD);
    expect(r.all).not.toContain(STORE_PASSWORD);
    expect(truststoreDirs()).toEqual(before); // the -S file with the password is gone
  }, 120_000);

  it('a store without the certificate: stopped before JMeter starts, exit 3 GATEWAY_TLS_UNTRUSTED', async () => {
    const other = pemFile('other.pem', (await selfSignedCertificate()).cert);
    const out = join(scratch, 'other');
    const r = await runJtl(['run', 'rest_api_baseline', ...SHORT, '--out', out, '--gateway-url', target.url, '--truststore', other], env());
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stderr.trim()).toBe(
      `jtl: error GATEWAY_TLS_UNTRUSTED the certificate of the gateway at ${target.url} is not trusted by --truststore ${other} (a self-signed certificate the store does not hold: DEPTH_ZERO_SELF_SIGNED_CERT): ` +
        'pass the CA certificate that signed it (PEM, JKS or PKCS12), or --insecure instead of --truststore to accept any certificate, as JMeter does by default',
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a certificate trusted but issued for another host: exit 3 GATEWAY_TLS_HOSTNAME', async () => {
    const dir = join(scratch, 'other-host');
    mkdirSync(dir);
    await execa('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=gateway.example', '-addext', 'subjectAltName=DNS:gateway.example']);
    const other = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    const elsewhere = await startTarget({ token: TOKEN, tls: other, fastTimePort: null, fastTestPort: null });
    try {
      const r = await runJtl(['run', 'rest_api_baseline', ...SHORT, '--out', join(dir, 'out'), '--gateway-url', elsewhere.url, '--truststore', join(dir, 'cert.pem')], env());
      expect(r.exitCode, r.all).toBe(3);
      expect(r.stderr).toContain(`jtl: error GATEWAY_TLS_HOSTNAME the certificate of the gateway at ${elsewhere.url} is trusted but not issued for this host (Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ): use a host name the certificate lists in --gateway-url, or --insecure instead of --truststore to skip the check`);
    } finally {
      await elsewhere.close();
    }
  }, 60_000);

  it('a wrong store password: exit 2 before anything starts, saying where the password comes from', async () => {
    const store = await jks('wrong-pass.jks', cert.cert);
    const r = await runJtl(['run', 'rest_api_baseline', ...SHORT, '--out', join(scratch, 'wrong'), '--gateway-url', target.url, '--truststore', store], env({ JMETER_TRUSTSTORE_PASSWORD: 'not-the-password' }));
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr.trim()).toBe(`jtl: error CLI_BAD_TRUSTSTORE --truststore ${store}: Keystore was tampered with, or password was incorrect (set JMETER_TRUSTSTORE_PASSWORD or --truststore-password-file)`);
  }, 60_000);
});

describe('TLS failures of a run, recognised and explained (exit 3)', () => {
  it('the JVM has a truststore without the gateway\'s CA: every SSE connect fails → GATEWAY_TLS_UNTRUSTED; --insecure runs clean', async () => {
    const store = await jks('jvm.jks', (await selfSignedCertificate()).cert);
    const jvm = { JVM_ARGS: `-Djavax.net.ssl.trustStore=${store}` };
    const r = await runJtl(['run', 'sse_streaming_baseline', ...SHORT, '--out', join(scratch, 'jvm'), '--gateway-url', target.url], env(jvm));
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stderr).toMatch(
      new RegExp(
        `jtl: error GATEWAY_TLS_UNTRUSTED (\\d+) of \\1 "SSE connect" samples failed with javax\\.net\\.ssl\\.SSLHandshakeException PKIX path (building|validation) failed: .*: ` +
          `the certificate of the gateway at ${target.url} is not trusted by the JVM's truststore \\(javax\\.net\\.ssl\\.trustStore\\): pass the CA certificate that signed it with --truststore`,
      ),
    );
    const insecure = await runJtl(['run', 'sse_streaming_baseline', ...SHORT, '--out', join(scratch, 'insecure'), '--gateway-url', target.url, '--insecure'], env(jvm));
    expect(insecure.exitCode, insecure.all).toBe(0);
    expect(JSON.parse(readFileSync(join(runFolder(join(scratch, 'insecure')), 'summary.json'), 'utf8')).analysis.errors).toBe(0);
  }, 180_000);

  it('http:// against the TLS port: GATEWAY_TLS_EXPECTED, use https://', async () => {
    const url = target.url.replace(/^https:/, 'http:');
    const r = await runJtl(['run', 'rest_api_baseline', ...SHORT, '--out', join(scratch, 'http-to-tls'), '--gateway-url', url], env());
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`jtl: error GATEWAY_TLS_EXPECTED \\d+ of \\d+ samples failed with org\\.apache\\.http\\.NoHttpResponseException 127\\.0\\.0\\.1:\\d+ failed to respond .*: the gateway at ${url} speaks TLS on that port and drops plain HTTP: use ${target.url} in --gateway-url`));
  }, 120_000);

  it('https:// against a plain-HTTP port: GATEWAY_TLS_PLAIN_PORT, use http://', async () => {
    const url = plain.url.replace(/^http:/, 'https:');
    const r = await runJtl(['run', 'rest_api_baseline', ...SHORT, '--out', join(scratch, 'tls-to-http'), '--gateway-url', url], env());
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`jtl: error GATEWAY_TLS_PLAIN_PORT \\d+ of \\d+ samples failed with javax\\.net\\.ssl\\.SSLException Unsupported or unrecognized SSL message .*: the gateway at ${url} answers plain HTTP, not TLS: use ${plain.url} in --gateway-url`));
  }, 120_000);
});
