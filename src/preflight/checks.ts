import { decideHeap, formatMb, minimumHeapMb } from './heap.js';
import type { CheckStatus, HeapDecision, HostFacts, Limit, PlanLoad, PreflightCheck, PreflightReport } from './types.js';

/** File descriptors JMeter needs besides its sockets: jars, logs, the JTL, epoll, pipes. */
export const JMETER_BASE_FDS = 1024;
/** Connections from which TIME_WAIT sockets can use up the ephemeral ports without tcp_tw_reuse. */
export const TW_REUSE_FROM_CONNECTIONS = 1000;
/** Memory the JVM needs besides the heap (metaspace, code cache, GC), MiB. */
const JVM_OVERHEAD_MB = 512;
/** Thread stack (-Xss default) per thread, MiB: an upper bound, the pages are committed as used. */
const STACK_MB = 1;
export const MIN_JAVA = 17;

const fmt = (n: number): string => n.toLocaleString('en-US');
const unknown = (check: Omit<PreflightCheck, 'status' | 'current'>): PreflightCheck => ({ ...check, current: 'unknown', status: 'unknown' });

/** Host facts + the run's load + its environment in, the table's rows out. No I/O. */
export function preflight(load: PlanLoad, facts: HostFacts, env: Readonly<Record<string, string | undefined>>): PreflightReport {
  const heap = decideHeap(env, load.peakThreads);
  const checks = [
    openFiles(load, facts),
    ephemeralPorts(load, facts),
    twReuse(load, facts),
    backlog('somaxconn', 'net.core.somaxconn', facts.somaxconn, load, facts),
    backlog('syn-backlog', 'net.ipv4.tcp_max_syn_backlog', facts.tcpMaxSynBacklog, load, facts),
    heapCheck(load, heap),
    memory(load, facts, heap),
    java(facts),
    sameHost(facts),
  ];
  return { load, heap, checks };
}

export const failedChecks = (report: PreflightReport): readonly PreflightCheck[] => report.checks.filter((c) => c.status === 'fail');

function openFiles(load: PlanLoad, facts: HostFacts): PreflightCheck {
  const connections = load.peakConnections;
  const needed = connections === undefined ? JMETER_BASE_FDS : 2 * connections + JMETER_BASE_FDS;
  const base = {
    id: 'open-files',
    check: 'ulimit -n (soft/hard)',
    recommended: `≥ ${fmt(needed)}`,
    why: connections === undefined ? `${fmt(JMETER_BASE_FDS)} for JMeter itself` : `2 × ${fmt(connections)} connections (sockets closing while new ones open) + ${fmt(JMETER_BASE_FDS)} for JMeter itself`,
  } as const;
  if (!facts.openFiles) return unknown(base);
  const { soft, hard } = facts.openFiles;
  const current = `${limitText(soft)} / ${limitText(hard)}`;
  if (atLeast(soft, needed)) return { ...base, current, status: 'ok' };
  // The JVM lifts its soft limit to the hard one at start (-XX:+MaxFDLimit, on by default; Node does the same).
  if (atLeast(hard, needed)) {
    return { ...base, current, status: 'note', why: `${base.why}; Java raises its soft limit to the hard one at start`, fix: `ulimit -n ${needed}   # in the shell that runs jtl` };
  }
  const fix = `sudo prlimit --pid $$ --nofile=${needed}:${needed}   # or persist: '* - nofile ${needed}' in /etc/security/limits.conf, docker run --ulimit nofile=${needed}:${needed}, systemd LimitNOFILE=${needed}`;
  return { ...base, current, status: 'fail', fix };
}

function ephemeralPorts(load: PlanLoad, facts: HostFacts): PreflightCheck {
  const connections = load.peakConnections;
  const needed = connections === undefined ? undefined : 2 * connections;
  const base = {
    id: 'ephemeral-ports',
    check: 'net.ipv4.ip_local_port_range',
    recommended: needed === undefined ? 'unknown load' : `≥ ${fmt(needed)} ports`,
    why: needed === undefined ? 'the thread count is unknown' : `2 × ${fmt(connections ?? 0)} connections to one gateway address (open + TIME_WAIT)`,
  } as const;
  if (!facts.portRange) return unknown(base);
  const [low, high] = facts.portRange;
  const size = high - low + 1;
  const current = `${low} ${high} (${fmt(size)} ports)`;
  if (needed === undefined) return { ...base, current, status: 'note' };
  if (size >= needed) return { ...base, current, status: 'ok' };
  return { ...base, current, recommended: '1024 65535', status: 'fail', fix: `sudo sysctl -w net.ipv4.ip_local_port_range="1024 65535"` };
}

function twReuse(load: PlanLoad, facts: HostFacts): PreflightCheck {
  const connections = load.peakConnections ?? 0;
  const allLocal = facts.targets.length > 0 && facts.targets.every((t) => t.local === true);
  const base = { id: 'tcp-tw-reuse', check: 'net.ipv4.tcp_tw_reuse' } as const;
  const needed = connections >= TW_REUSE_FROM_CONNECTIONS;
  const why = needed
    ? `${fmt(connections)} connections: reuse ports in TIME_WAIT for new connections`
    : `not needed below ${fmt(TW_REUSE_FROM_CONNECTIONS)} connections`;
  if (facts.tcpTwReuse === undefined) return unknown({ ...base, recommended: needed ? '1' : 'any', why });
  const current = `${facts.tcpTwReuse}${facts.tcpTwReuse === 2 ? ' (loopback only)' : ''}`;
  const enough = !needed || facts.tcpTwReuse === 1 || (facts.tcpTwReuse === 2 && allLocal);
  return enough
    ? { ...base, current, recommended: needed && facts.tcpTwReuse === 2 ? '2 (the target is on loopback) or 1' : needed ? '1' : 'any', status: 'ok', why }
    : { ...base, current, recommended: '1', status: 'fail', why, fix: 'sudo sysctl -w net.ipv4.tcp_tw_reuse=1' };
}

/** Listen backlogs matter where the gateway listens: on this host only when the target is here. */
function backlog(id: 'somaxconn' | 'syn-backlog', key: string, value: number | undefined, load: PlanLoad, facts: HostFacts): PreflightCheck {
  const connections = load.peakConnections;
  const needed = connections === undefined ? undefined : Math.min(Math.max(connections, 128), 65535);
  const remote = facts.targets.length > 0 && facts.targets.every((t) => t.local === false);
  const base = {
    id,
    check: key,
    recommended: needed === undefined ? 'unknown load' : `≥ ${fmt(needed)}`,
    why: remote ? 'applies on the gateway host (the target is elsewhere): check it there' : `${fmt(connections ?? 0)} connections may arrive at once (ramp-up, reconnects)`,
  } as const;
  if (value === undefined) return unknown(base);
  const current = fmt(value);
  const status: CheckStatus = remote || needed === undefined ? 'note' : value >= needed ? 'ok' : 'fail';
  return { ...base, current, status, ...(status === 'fail' && needed !== undefined && { fix: `sudo sysctl -w ${key}=${needed}` }) };
}

function heapCheck(load: PlanLoad, heap: HeapDecision): PreflightCheck {
  const threads = load.peakThreads;
  const base = {
    id: 'heap',
    check: 'JMeter heap (-Xmx)',
    recommended: `${formatMb(heap.recommendedMb)} (at least ${formatMb(minimumHeapMb(threads))})`,
    why: threads === undefined ? 'thread count unknown: the script default' : `512 MiB + 1 MiB per thread × ${fmt(threads)}, at least 128 MiB + 1 MiB per thread`,
  } as const;
  const source = heap.configured.source === 'default' ? "bin/jmeter's default" : heap.configured.source;
  if (heap.raisedHeap !== undefined) {
    return { ...base, current: `${formatMb(heap.configured.xmxMb)} (${source}) → raised to ${formatMb(heap.effectiveMb)} for this run`, status: 'ok' };
  }
  const current = `${formatMb(heap.configured.xmxMb)} (${source})`;
  if (heap.configured.xmxMb >= minimumHeapMb(threads)) return { ...base, current, status: 'ok' };
  const fix =
    heap.configured.source === 'JVM_ARGS'
      ? `change -Xmx in JVM_ARGS to -Xmx${formatMb(heap.recommendedMb)}`
      : `export HEAP="-Xms1g -Xmx${formatMb(heap.recommendedMb)} -XX:MaxMetaspaceSize=256m"   # or unset HEAP and let jtl choose`;
  return { ...base, current, status: 'fail', fix };
}

function memory(load: PlanLoad, facts: HostFacts, heap: HeapDecision): PreflightCheck {
  const threads = load.peakThreads ?? 0;
  const needed = heap.effectiveMb + JVM_OVERHEAD_MB + threads * STACK_MB;
  const base = {
    id: 'memory',
    check: 'free memory (MemAvailable)',
    recommended: `≥ ${fmt(needed)} MiB`,
    why: `heap ${formatMb(heap.effectiveMb)} + ${JVM_OVERHEAD_MB} MiB JVM + ${fmt(threads)} thread stacks`,
  } as const;
  if (facts.memAvailableMb === undefined) return unknown(base);
  const current = `${fmt(facts.memAvailableMb)} MiB`;
  return facts.memAvailableMb >= needed
    ? { ...base, current, status: 'ok' }
    : { ...base, current, status: 'fail', fix: `free memory (stop other processes) or lower the heap: export HEAP="-Xms1g -Xmx${formatMb(Math.max(512, Math.floor((facts.memAvailableMb - JVM_OVERHEAD_MB - threads * STACK_MB) / 256) * 256))} -XX:MaxMetaspaceSize=256m"` };
}

function java(facts: HostFacts): PreflightCheck {
  const base = { id: 'java', check: 'Java version', recommended: `${MIN_JAVA} or newer`, why: 'JMeter 5.6.3 as this toolkit tests it' } as const;
  if (!facts.java) return unknown(base);
  if (!facts.java.found) {
    return { ...base, current: `not found (${facts.java.bin})`, status: 'fail', fix: 'sudo apt-get install -y openjdk-17-jre-headless   # or set JAVA_HOME' };
  }
  const current = facts.java.version;
  return facts.java.major >= MIN_JAVA
    ? { ...base, current, status: 'ok' }
    : { ...base, current, status: 'fail', fix: 'sudo apt-get install -y openjdk-17-jre-headless && export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' };
}

function sameHost(facts: HostFacts): PreflightCheck {
  const base = { id: 'same-host', check: 'target on this host', recommended: 'a separate host for load runs' } as const;
  if (facts.targets.length === 0) return unknown({ ...base, why: 'no target URL in the run' });
  const describe = facts.targets.map((t) => `${t.property}=${t.url}`).join(', ');
  if (facts.targets.some((t) => t.local === undefined)) return { ...base, current: `unknown (${describe} did not resolve)`, status: 'unknown' };
  const local = facts.targets.filter((t) => t.local);
  if (local.length === 0) return { ...base, current: 'no', status: 'ok' };
  const cpus = facts.cpus === undefined ? 'the CPUs' : `${facts.cpus} CPU${facts.cpus === 1 ? '' : 's'}`;
  return {
    ...base,
    current: `yes: ${local.map((t) => t.url).join(', ')}`,
    status: 'note',
    why: `JMeter and the gateway share ${cpus}: latencies include JMeter's own load`,
  };
}

const atLeast = (limit: Limit, needed: number): boolean => limit === 'unlimited' || limit >= needed;
const limitText = (limit: Limit): string => (limit === 'unlimited' ? 'unlimited' : fmt(limit));
