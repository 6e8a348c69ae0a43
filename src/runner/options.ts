import { ToolkitError } from '../errors.js';
import type { Profile, RunRequest } from './types.js';

/** The options of `jtl run` as commander hands them over (strings, unvalidated). */
export interface RawRunOptions {
  readonly profile?: string;
  readonly J?: readonly string[];
  readonly gatewayUrl?: string;
  readonly serverId?: string;
  readonly duration?: string;
  readonly threads?: string;
  readonly out?: string;
  readonly tokenFile?: string;
  readonly remote?: string;
  readonly progressInterval?: string;
  /** `--fail-fast <s>` (a string) or `--no-fail-fast` (false). */
  readonly failFast?: string | boolean;
  readonly truststore?: string;
  readonly truststorePasswordFile?: string;
  readonly insecure?: boolean;
}

export const RUN_DEFAULTS = { outDir: 'results', progressIntervalS: 5, failFastS: 10 } as const;

const PROFILES: readonly Profile[] = ['ci', 'production'];
const PROPERTY_NAME = /^[A-Za-z_][\w.-]*$/;
/** Property names that hold secrets: they may only come from the environment or --token-file. */
export const SECRET_PROPERTY = /token|password|secret/i;

/** Validates and normalises the options once; every error is a usage error (exit 2) naming the option. */
export function normalizeRunOptions(plan: string, raw: RawRunOptions): RunRequest {
  if (plan.trim() === '') throw usage('CLI_NO_PLAN', 'no plan given: name a catalogue plan or a .jmx file');
  const properties = new Map<string, string>();
  if (raw.gatewayUrl !== undefined) properties.set('GATEWAY_URL', parseGatewayUrl(raw.gatewayUrl));
  if (raw.serverId !== undefined) properties.set('SERVER_ID', nonEmpty('--server-id', raw.serverId));
  if (raw.duration !== undefined) properties.set('DURATION', String(parseDurationS(raw.duration)));
  if (raw.threads !== undefined) properties.set('THREADS', String(parsePositiveInt('--threads', raw.threads)));
  for (const assignment of raw.J ?? []) {
    const [name, value] = parseAssignment(assignment);
    properties.set(name, value);
  }
  const truststore = parseTrustOptions(raw);
  // The SSE client's switch; JMeter's own samplers accept any certificate anyway.
  if (raw.insecure === true) properties.set('TLS_TRUST_ALL', 'true');
  return {
    plan,
    ...(raw.profile !== undefined && { profile: parseProfile(raw.profile) }),
    properties,
    outDir: raw.out ?? RUN_DEFAULTS.outDir,
    ...(raw.tokenFile !== undefined && { tokenFile: nonEmpty('--token-file', raw.tokenFile) }),
    ...(truststore !== undefined && { truststore }),
    remoteHosts: raw.remote === undefined ? [] : parseRemoteHosts(raw.remote),
    progressIntervalS:
      raw.progressInterval === undefined
        ? RUN_DEFAULTS.progressIntervalS
        : parsePositiveInt('--progress-interval', raw.progressInterval),
    failFastS:
      raw.failFast === false
        ? 0
        : raw.failFast === undefined || raw.failFast === true
          ? RUN_DEFAULTS.failFastS
          : parsePositiveInt('--fail-fast', raw.failFast),
  };
}

/** `-J NAME=value`: the value may contain `=`; a secret name is refused (it would be visible in ps). */
export function parseAssignment(assignment: string): [string, string] {
  const eq = assignment.indexOf('=');
  const name = eq < 0 ? assignment : assignment.slice(0, eq);
  if (eq < 0 || !PROPERTY_NAME.test(name)) {
    throw usage('CLI_BAD_PROPERTY', `-J "${assignment}": expected NAME=value with NAME like GATEWAY_URL or THREADS`, {
      option: '-J',
      value: assignment,
    });
  }
  if (SECRET_PROPERTY.test(name)) {
    throw usage(
      'CLI_SECRET_ON_COMMAND_LINE',
      `-J ${name}=…: secrets must not go on the command line (any user can read it with ps); ` +
        'set JMETER_TOKEN (or MCPGATEWAY_BEARER_TOKEN) in the environment or use --token-file',
      { option: '-J', property: name },
    );
  }
  return [name, assignment.slice(eq + 1)];
}

/** Seconds, with an optional unit: `90`, `90s`, `5m`, `1h`. */
export function parseDurationS(text: string): number {
  const m = /^(\d+)(s|m|h)?$/.exec(text.trim());
  const value = m ? Number(m[1]) * ({ s: 1, m: 60, h: 3600 } as const)[(m[2] ?? 's') as 's' | 'm' | 'h'] : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw usage('CLI_BAD_DURATION', `--duration "${text}": expected a positive number of seconds (90, 90s, 5m, 1h)`, {
      option: '--duration',
      value: text,
    });
  }
  return value;
}

function parsePositiveInt(option: string, text: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw usage('CLI_BAD_NUMBER', `${option} "${text}": expected a positive whole number`, { option, value: text });
  }
  return value;
}

function parseGatewayUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw usage('CLI_BAD_URL', `--gateway-url "${text}": expected an http:// or https:// URL`, {
      option: '--gateway-url',
      value: text,
    });
  }
  return text.replace(/\/+$/, '');
}

function parseProfile(text: string): Profile {
  if ((PROFILES as readonly string[]).includes(text)) return text as Profile;
  throw usage('CLI_BAD_PROFILE', `--profile "${text}": expected one of ${PROFILES.join(', ')}`, {
    option: '--profile',
    value: text,
  });
}

function parseRemoteHosts(text: string): readonly string[] {
  const hosts = text.split(',').map((h) => h.trim());
  const bad = hosts.find((h) => !/^[\w.-]+(:\d{1,5})?$/.test(h) && !/^\[[\d:a-f]+\](:\d{1,5})?$/i.test(h));
  if (hosts.length === 0 || bad !== undefined) {
    throw usage('CLI_BAD_REMOTE', `--remote "${text}": expected host[:port] entries separated by commas`, {
      option: '--remote',
      value: text,
    });
  }
  return hosts;
}

/** --truststore [--truststore-password-file] or --insecure, not both; a local run only (-S reaches no remote engine). */
function parseTrustOptions(raw: RawRunOptions): RunRequest['truststore'] {
  if (raw.truststore === undefined) {
    if (raw.truststorePasswordFile !== undefined) throw usage('CLI_BAD_TRUSTSTORE', '--truststore-password-file needs --truststore <file>');
    return undefined;
  }
  if (raw.insecure === true) {
    throw usage('CLI_BAD_TRUSTSTORE', '--truststore and --insecure contradict each other: verify against the store, or accept any certificate', { option: '--insecure' });
  }
  if (raw.remote !== undefined) {
    throw usage('CLI_BAD_TRUSTSTORE', '--truststore applies to a local JMeter only: set javax.net.ssl.trustStore in the remote engines\' system.properties', { option: '--remote' });
  }
  return {
    file: nonEmpty('--truststore', raw.truststore),
    ...(raw.truststorePasswordFile !== undefined && { passwordFile: nonEmpty('--truststore-password-file', raw.truststorePasswordFile) }),
  };
}

function nonEmpty(option: string, text: string): string {
  if (text.trim() === '') throw usage('CLI_EMPTY_OPTION', `${option} is empty`, { option });
  return text;
}

const usage = (code: `CLI_${string}`, message: string, context: Record<string, unknown> = {}): ToolkitError =>
  new ToolkitError(code, message, context);
