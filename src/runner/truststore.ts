import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';

import { ToolkitError } from '../errors.js';
import { formatProperties } from './properties.js';

/** Where `jtl run --truststore` reads the store's password from when no --truststore-password-file is given. */
export const TRUSTSTORE_PASSWORD_ENV = 'JMETER_TRUSTSTORE_PASSWORD';

/** `--truststore <file>` read and checked: a PEM file of CA certificates, or a JKS/PKCS12 store opened with its password. */
export interface TrustStore {
  readonly file: string;
  readonly kind: 'pem' | 'keystore';
  readonly password?: string;
  /** The certificates it trusts, PEM (for the check of the gateway's certificate before the run). */
  readonly certificates: readonly string[];
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The keytool of the Java that bin/jmeter starts: $JAVA_HOME/bin/keytool, else keytool on PATH. */
export const keytoolOf = (env: NodeJS.ProcessEnv): string => (env['JAVA_HOME'] ? join(env['JAVA_HOME'], 'bin', 'keytool') : 'keytool');

/** Reads the store once, so a wrong file or password fails before the run, not inside JMeter. */
export async function readTrustStore(file: string, password: string | undefined, env: NodeJS.ProcessEnv): Promise<TrustStore> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw bad(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const pem = bytes.toString('latin1').match(PEM_CERTIFICATE);
  if (pem) return { file, kind: 'pem', certificates: pem };
  const certificates = (await keytool(env, ['-list', '-rfc', '-keystore', file], password, file)).match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) throw bad(file, 'holds no certificate to trust');
  return { file, kind: 'keystore', ...(password !== undefined && { password }), certificates };
}

/**
 * Runs `use` with a private folder (0700, removed afterwards whatever happens) holding a system properties file for
 * JMeter's `-S`: javax.net.ssl.trustStore and its password — out of argv, the .jmx and the log. A PEM file is first
 * imported with keytool into a PKCS12 store there, under a random password. No store: `use(undefined)`.
 */
export async function withTrustStoreProperties<T>(store: TrustStore | undefined, env: NodeJS.ProcessEnv, use: (file: string | undefined) => Promise<T>): Promise<T> {
  if (store === undefined) return use(undefined);
  const dir = await mkdtemp(join(tmpdir(), 'jtl-truststore-'));
  const removeOnExit = (): void => rmSync(dir, { recursive: true, force: true });
  process.on('exit', removeOnExit);
  try {
    const { path, password } = store.kind === 'pem' ? await importPem(store, dir, env) : { path: store.file, password: store.password };
    const file = join(dir, 'system.properties');
    const properties = new Map([['javax.net.ssl.trustStore', path], ...(password !== undefined ? [['javax.net.ssl.trustStorePassword', password] as const] : [])]);
    await writeFile(file, formatProperties(properties), { mode: 0o600, flag: 'wx' });
    return await use(file);
  } finally {
    process.off('exit', removeOnExit);
    await rm(dir, { recursive: true, force: true });
  }
}

async function importPem(store: TrustStore, dir: string, env: NodeJS.ProcessEnv): Promise<{ path: string; password: string }> {
  const path = join(dir, 'truststore.p12');
  const password = randomBytes(18).toString('base64url');
  for (const [i, cert] of store.certificates.entries()) {
    const certFile = join(dir, `ca-${i}.pem`);
    await writeFile(certFile, cert + '\n');
    await keytool(env, ['-importcert', '-noprompt', '-alias', `ca-${i}`, '-file', certFile, '-keystore', path, '-storetype', 'PKCS12'], password, store.file);
  }
  return { path, password };
}

/** Runs keytool with the store password in its environment (`-storepass:env`), never in its argv. */
async function keytool(env: NodeJS.ProcessEnv, args: readonly string[], password: string | undefined, file: string): Promise<string> {
  const bin = keytoolOf(env);
  const r = await execa(bin, [...args, ...(password !== undefined ? ['-storepass:env', TRUSTSTORE_PASSWORD_ENV] : [])], {
    env: { ...env, [TRUSTSTORE_PASSWORD_ENV]: password ?? '' },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: 60_000,
  });
  if ((r as { code?: string }).code === 'ENOENT') throw bad(file, `${bin} not found: it comes with the JDK that runs JMeter (set JAVA_HOME)`);
  if (r.exitCode !== 0) {
    const lines = `${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.replace(/^keytool error: (java\.[\w.]+: )?/, '').trim());
    const why = lines.filter((l) => l !== '').at(-1) ?? `keytool exit code ${r.exitCode}`;
    const hint = /password/i.test(why)
      ? ` (set ${TRUSTSTORE_PASSWORD_ENV} or --truststore-password-file)`
      : /format/i.test(why) ? ' (expected a PEM file of CA certificates, a JKS or a PKCS12 store)' : '';
    throw bad(file, why + hint);
  }
  return r.stdout;
}

/** The store's password: --truststore-password-file, else JMETER_TRUSTSTORE_PASSWORD, else none. */
export async function readTrustStorePassword(env: NodeJS.ProcessEnv, passwordFile?: string): Promise<string | undefined> {
  if (passwordFile === undefined) return env[TRUSTSTORE_PASSWORD_ENV] || undefined;
  let text: string;
  try {
    text = (await readFile(passwordFile, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    throw new ToolkitError('CLI_BAD_TRUSTSTORE', `--truststore-password-file ${passwordFile}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: passwordFile });
  }
  if (text === '' || /[\r\n]/.test(text)) {
    throw new ToolkitError('CLI_BAD_TRUSTSTORE', `--truststore-password-file ${passwordFile}: expected the password on one line`, { file: passwordFile });
  }
  return text;
}

const bad = (file: string, why: string): ToolkitError => new ToolkitError('CLI_BAD_TRUSTSTORE', `--truststore ${file}: ${why}`, { file });
