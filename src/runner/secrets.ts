import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { RunError, ToolkitError } from '../errors.js';
import { SECRET_PROPERTY } from './options.js';
import { formatProperties } from './properties.js';

export const REDACTED = '<redacted>';

/** Where each secret property may come from, first match wins. Never from argv. The one list of secret sources. */
const ENV_SOURCES: ReadonlyArray<readonly [property: string, envNames: readonly string[]]> = [
  ['TOKEN', ['JMETER_TOKEN', 'MCPGATEWAY_BEARER_TOKEN']],
  ['ADMIN_PASSWORD', ['JMETER_ADMIN_PASSWORD']],
];

/** Every environment variable that carries a secret: JMeter's environment never has them (it gets the -q file). */
export const SECRET_ENV_NAMES: readonly string[] = ENV_SOURCES.flatMap(([, names]) => names);

/** Reads the secrets: TOKEN from --token-file, else JMETER_TOKEN / MCPGATEWAY_BEARER_TOKEN. */
export async function readSecrets(env: NodeJS.ProcessEnv, tokenFile?: string): Promise<ReadonlyMap<string, string>> {
  const secrets = new Map<string, string>();
  for (const [property, names] of ENV_SOURCES) {
    const value = names.map((n) => env[n]?.trim()).find((v) => v !== undefined && v !== '');
    if (value !== undefined) secrets.set(property, value);
  }
  if (tokenFile !== undefined) secrets.set('TOKEN', await readTokenFile(tokenFile));
  return secrets;
}

async function readTokenFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ToolkitError('CLI_TOKEN_FILE', `--token-file ${file}: cannot read it (${(error as Error).message})`, {
      file,
    });
  }
  const token = text.trim();
  if (token === '' || /\s/.test(token)) {
    throw new ToolkitError('CLI_TOKEN_FILE', `--token-file ${file}: expected one token on one line`, { file });
  }
  return token;
}

/**
 * Runs `use` with the secrets in a private properties file (dir 0700, file 0600) that JMeter loads with
 * -q/-G, and removes it afterwards whatever happens. No secrets: `use(undefined)`.
 */
export async function withSecretPropertiesFile<T>(
  secrets: ReadonlyMap<string, string>,
  use: (path: string | undefined) => Promise<T>,
): Promise<T> {
  if (secrets.size === 0) return use(undefined);
  const dir = await mkdtemp(join(tmpdir(), 'jtl-secret-'));
  const file = join(dir, 'secret.properties');
  // Also when the process dies meanwhile (an uncaught exception, process.exit): the token must not stay in /tmp.
  const removeOnExit = (): void => rmSync(dir, { recursive: true, force: true });
  process.on('exit', removeOnExit);
  try {
    await writeFile(file, formatProperties(secrets), { mode: 0o600, flag: 'wx' });
    return await use(file);
  } finally {
    process.off('exit', removeOnExit);
    await rm(dir, { recursive: true, force: true });
  }
}

/** A copy of the properties fit for a file or a log: every secret name has its value replaced. */
export function redactProperties(properties: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...properties].map(([k, v]) => [k, SECRET_PROPERTY.test(k) ? REDACTED : v] as const));
}

/** Replaces every occurrence of each secret value in text (for JMeter's output before it is shown or kept). */
export function redactText(text: string, secrets: ReadonlyMap<string, string>): string {
  let out = text;
  for (const value of secrets.values()) if (value.length >= 4) out = out.split(value).join(REDACTED);
  return out;
}

/**
 * Defence in depth: if a secret value ever reached a file JMeter wrote (jmeter.log), it is replaced there. No file
 * (JMeter never started) holds nothing to scrub; a file that cannot be read or rewritten is an error, never skipped.
 */
export async function scrubSecretsFromFile(file: string, secrets: ReadonlyMap<string, string>): Promise<boolean> {
  if (secrets.size === 0) return false;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    throw new RunError('RUN_LOG_NOT_SCRUBBED', `${file}: cannot read it to remove the secrets from it (${code ?? (error as Error).message}); it may hold the token: check it before sharing the run folder`, { file }, { cause: error });
  }
  const clean = redactText(text, secrets);
  if (clean === text) return false;
  await writeFile(file, clean).catch((error: NodeJS.ErrnoException) => {
    throw new RunError('RUN_LOG_NOT_SCRUBBED', `${file}: holds a secret and cannot be rewritten without it (${error.code ?? error.message}); delete it before sharing the run folder`, { file }, { cause: error });
  });
  return true;
}
