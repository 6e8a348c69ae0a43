import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Command, Option } from 'commander';

import { ToolkitError } from '../../errors.js';
import { readSecrets } from '../../runner/secrets.js';
import type { FaultRule, TargetOptions } from '../../target/index.js';
import { parseErrorRate, parseLatency } from '../../target/faults.js';
import { DEFAULT_PROFILE, PROFILES } from '../../target/profiles.js';
import { modelledSettings, targetOptionsFromSettings } from '../../target/settings.js';

interface TargetCliOptions {
  host: string;
  port: string;
  serverId?: string;
  tokenFile?: string;
  latency: string[];
  errorRate: string[];
  stateful?: boolean;
  fastTimePort: string;
  fastTestPort: string;
  testServers: boolean;
  seed: string;
  sseKeepaliveMs?: string;
  tls?: boolean;
  profile: string;
  set: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `jtl target`: wiring only; the server is src/target. */
export function registerTargetCommand(program: Command): void {
  program
    .command('target')
    .description('run the embedded loopback stand-in of the ContextForge gateway (REST, MCP, SSE, WebSocket, admin UI) until Ctrl-C')
    .option('--host <address>', 'loopback address to listen on (127.0.0.1, ::1 or localhost)', '127.0.0.1')
    .option('--port <port>', 'gateway port (0 = a free port)', '4444')
    .option('--server-id <uuid>', 'virtual server id that MCP and SSE answer for (default 5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b)')
    .option('--token-file <file>', 'file holding the bearer token to accept (default: env JMETER_TOKEN or MCPGATEWAY_BEARER_TOKEN, else a new one)')
    .option('--latency <route=spec>', 'inject latency on a route, e.g. "GET /tools=uniform:5-50", "MCP tools/call=normal:100,20", "*=fixed:2" (repeatable; specs fixed:MS uniform:MIN-MAX normal:MEAN,SD lognormal:MEDIAN,SIGMA)', collect, [])
    .option('--error-rate <route=rate>', 'fail a share of a route\'s requests (0..1 or N%), e.g. "MCP tools/call=0.05" (repeatable): 503 for HTTP routes, a JSON-RPC error in a 200 for MCP/RPC/WS', collect, [])
    .option('--stateful', 'issue Mcp-Session-Id on initialize and require it afterwards (the gateway\'s USE_STATEFUL_SESSIONS)')
    .option('--fast-time-port <port>', 'port of the fast-time MCP test server (0 = a free port)', '8888')
    .option('--fast-test-port <port>', 'port of the fast-test MCP test server (0 = a free port)', '8880')
    .option('--no-test-servers', 'do not start the two MCP test servers')
    .option('--seed <n>', 'seed of the injected faults (same seed, same failures)', '1')
    .option('--tls', 'serve HTTPS and WSS with a self-signed certificate made at start (needs openssl); prints where the certificate is')
    .addOption(new Option('--sse-keepalive-ms <ms>', 'interval of SSE keepalive events (default: the gateway\'s SSE_KEEPALIVE_INTERVAL)'))
    .addOption(new Option('--profile <name>', 'the gateway release to model').choices(Object.keys(PROFILES)).default(DEFAULT_PROFILE))
    .option('--set <NAME=VALUE>', `a gateway setting by the gateway's own name, as in its .env (repeatable): ${modelledSettings().join(', ')}`, collect, [])
    .action(async (o: TargetCliOptions) => {
      const { options, writtenSecrets, secretsDir } = await targetOptions(o);
      // The generated token and password live only as long as the target that accepts them.
      const removeSecrets = () => (secretsDir === undefined ? Promise.resolve() : rm(secretsDir, { recursive: true, force: true }));
      const { startTarget } = await import('../../target/index.js');
      const tls = o.tls ? await (await import('../../target/self-signed.js')).selfSignedCertificate() : undefined;
      const target = await startTarget({ ...options, ...(tls && { tls }) }).catch(async (error: unknown) => {
        await removeSecrets();
        throw error;
      });
      const certDir = tls ? await mkdtemp(join(tmpdir(), 'jtl-target-tls-')) : undefined;
      if (tls && certDir) {
        const certFile = join(certDir, 'cert.pem');
        await writeFile(certFile, tls.cert);
        writtenSecrets.push(`certificate written to ${certFile} (self-signed; JMeter's HTTP samplers accept it as is; curl --cacert ${certFile})`);
      }
      process.stdout.write(
        [
          `models      ${target.models} (--profile ${o.profile}${o.set.length > 0 ? `, ${o.set.join(' ')}` : ''})`,
          `gateway     ${target.url}   (GATEWAY_URL)`,
          `websocket   ${target.wsUrl}`,
          `server id   ${target.serverId}   (SERVER_ID)`,
          ...(target.fastTimeUrl ? [`fast-time   ${target.fastTimeUrl}   (FAST_TIME_URL)`] : []),
          ...(target.fastTestUrl ? [`fast-test   ${target.fastTestUrl}   (FAST_TEST_URL)`] : []),
          `admin       ${target.adminEmail}`,
          ...writtenSecrets,
          'Ctrl-C stops it.',
          ...(writtenSecrets.length > 0 ? ['(and deletes the files above)'] : []),
        ].join('\n') + '\n',
      );
      await untilSignal();
      await target.close();
      await removeSecrets();
      if (certDir) await rm(certDir, { recursive: true, force: true });
      process.stdout.write(`stopped after ${target.requestCount()} requests\n`);
    });
}

const integer = (text: string, option: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ToolkitError('CLI_BAD_OPTION', `${option} ${text}: expected a whole number 0..65535`, { option });
  return n;
};

function splitRoute(assignment: string, option: string): [string, string] {
  const eq = assignment.lastIndexOf('=');
  if (eq <= 0) throw new ToolkitError('CLI_BAD_OPTION', `${option} "${assignment}": expected ROUTE=VALUE, e.g. "GET /tools=uniform:5-50"`, { option });
  return [assignment.slice(0, eq).trim(), assignment.slice(eq + 1).trim()];
}

/** `--set NAME=VALUE` pairs; the names and values are checked by targetOptionsFromSettings. */
function settingsOf(assignments: readonly string[]): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new ToolkitError('CLI_BAD_OPTION', `--set "${a}": expected NAME=VALUE, e.g. --set USE_STATEFUL_SESSIONS=true`, { option: '--set' });
    settings[a.slice(0, eq).trim()] = a.slice(eq + 1).trim();
  }
  return settings;
}

function faultRules(o: TargetCliOptions): FaultRule[] {
  const rules = new Map<string, FaultRule>();
  for (const a of o.latency) {
    const [route, spec] = splitRoute(a, '--latency');
    rules.set(route, { ...rules.get(route), route, latency: parseLatency(spec) });
  }
  for (const a of o.errorRate) {
    const [route, rate] = splitRoute(a, '--error-rate');
    rules.set(route, { ...rules.get(route), route, errorRate: parseErrorRate(rate) });
  }
  return [...rules.values()];
}

/** Secrets come from the environment or a file; new ones go to a private file whose path (never the value) is printed. */
async function targetOptions(o: TargetCliOptions): Promise<{ options: TargetOptions; writtenSecrets: string[]; secretsDir?: string }> {
  const secrets = await readSecrets(process.env, o.tokenFile);
  const options: TargetOptions = {
    ...targetOptionsFromSettings(settingsOf(o.set)),
    profile: o.profile,
    host: o.host,
    port: integer(o.port, '--port'),
    ...(o.serverId !== undefined && { serverId: o.serverId }),
    faults: faultRules(o),
    seed: integer(o.seed, '--seed'),
    ...(o.stateful === true && { statefulSessions: true }),
    ...(o.sseKeepaliveMs !== undefined && { sseKeepaliveMs: Math.max(10, integer(o.sseKeepaliveMs, '--sse-keepalive-ms')) }),
    fastTimePort: o.testServers ? integer(o.fastTimePort, '--fast-time-port') : null,
    fastTestPort: o.testServers ? integer(o.fastTestPort, '--fast-test-port') : null,
    ...(secrets.has('TOKEN') && { token: secrets.get('TOKEN') }),
    ...(secrets.has('ADMIN_PASSWORD') && { adminPassword: secrets.get('ADMIN_PASSWORD') }),
  };
  const written: string[] = [];
  let dir: string | undefined;
  const keep = async (name: string, value: string, env: string) => {
    dir ??= await mkdtemp(join(tmpdir(), 'jtl-target-'));
    await writeFile(join(dir, name), value + '\n', { mode: 0o600 });
    written.push(`${name.padEnd(11)} written to ${join(dir, name)} (export ${env}="$(cat ${join(dir, name)})")`);
    return value;
  };
  return {
    options: {
      ...options,
      token: options.token ?? (await keep('token', randomBytes(32).toString('base64url'), 'JMETER_TOKEN')),
      adminPassword: options.adminPassword ?? (await keep('admin-pass', randomBytes(12).toString('base64url'), 'JMETER_ADMIN_PASSWORD')),
    },
    writtenSecrets: written,
    ...(dir !== undefined && { secretsDir: dir }),
  };
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
