import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { availableParallelism, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

import { execa } from 'execa';

import { parseJavaVersion, parseMemAvailableMb, parseOpenFiles, parsePortRange, parseSysctlNumber } from './parse-facts.js';
import type { HostFacts, TargetFact } from './types.js';

export interface FactSources {
  /** Folder of /proc (tests may point it elsewhere). */
  readonly proc?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The run's target URLs by property name (GATEWAY_URL, FAST_TIME_URL, …). */
  readonly targets: ReadonlyMap<string, string>;
}

/** Reads this host as JMeter will see it: its limits are inherited from this process. Unreadable → undefined. */
export async function readHostFacts(sources: FactSources): Promise<HostFacts> {
  const proc = sources.proc ?? '/proc';
  const text = (path: string): Promise<string | undefined> => readFile(`${proc}/${path}`, 'utf8').catch(() => undefined);
  const sysctl = async (key: string): Promise<string | undefined> => text(`sys/${key.replaceAll('.', '/')}`);
  const [limits, ports, twReuse, somaxconn, synBacklog, meminfo, java, targets] = await Promise.all([
    text('self/limits'),
    sysctl('net.ipv4.ip_local_port_range'),
    sysctl('net.ipv4.tcp_tw_reuse'),
    sysctl('net.core.somaxconn'),
    sysctl('net.ipv4.tcp_max_syn_backlog'),
    text('meminfo'),
    javaFact(sources.env),
    Promise.all([...sources.targets].map(([property, url]) => targetFact(property, url))),
  ]);
  const openFiles = limits === undefined ? undefined : parseOpenFiles(limits);
  const portRange = ports === undefined ? undefined : parsePortRange(ports);
  const tcpTwReuse = twReuse === undefined ? undefined : parseSysctlNumber(twReuse);
  const somax = somaxconn === undefined ? undefined : parseSysctlNumber(somaxconn);
  const syn = synBacklog === undefined ? undefined : parseSysctlNumber(synBacklog);
  const memAvailableMb = meminfo === undefined ? undefined : parseMemAvailableMb(meminfo);
  return {
    ...(openFiles && { openFiles }),
    ...(portRange && { portRange }),
    ...(tcpTwReuse !== undefined && { tcpTwReuse }),
    ...(somax !== undefined && { somaxconn: somax }),
    ...(syn !== undefined && { tcpMaxSynBacklog: syn }),
    ...(memAvailableMb !== undefined && { memAvailableMb }),
    ...(java && { java }),
    cpus: availableParallelism(),
    targets,
  };
}

/** The java bin/jmeter starts: $JAVA_HOME/bin/java, else java on PATH. */
async function javaFact(env: Readonly<Record<string, string | undefined>>): Promise<HostFacts['java']> {
  const bin = env['JAVA_HOME'] ? `${env['JAVA_HOME']}/bin/java` : 'java';
  const result = await execa(bin, ['-version'], { reject: false, timeout: 15_000, env: { ...env }, extendEnv: false, stdin: 'ignore' });
  if ((result as { code?: string }).code === 'ENOENT') return { found: false, bin };
  const parsed = parseJavaVersion(`${result.stderr}\n${result.stdout}`);
  return parsed && { found: true, ...parsed };
}

async function targetFact(property: string, url: string): Promise<TargetFact> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return { property, url };
  }
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((all) => all.map((a) => a.address)).catch(() => undefined);
  if (!addresses || addresses.length === 0) return { property, url };
  const mine = new Set(Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address)));
  return { property, url, local: addresses.some((a) => isLoopback(a) || mine.has(a)) };
}

const isLoopback = (address: string): boolean => address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
