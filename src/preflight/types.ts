/** The preflight's domain: facts about the host (read at the edge) and the run, checks out (pure). */

/** A limit as the kernel reports it: a number, or no limit at all. */
export type Limit = number | 'unlimited';

/** What was read from this host. `undefined` means the value could not be read: shown as "unknown", never guessed. */
export interface HostFacts {
  /** `ulimit -n` of this process, which JMeter inherits (/proc/self/limits "Max open files"). */
  readonly openFiles?: { readonly soft: Limit; readonly hard: Limit };
  /** net.ipv4.ip_local_port_range: the first and last ephemeral port. */
  readonly portRange?: readonly [number, number];
  readonly tcpTwReuse?: number;
  readonly somaxconn?: number;
  readonly tcpMaxSynBacklog?: number;
  /** MemAvailable of /proc/meminfo, MiB. */
  readonly memAvailableMb?: number;
  /** The Java that bin/jmeter will start; `found: false` when it could not be started at all. */
  readonly java?: { readonly found: true; readonly major: number; readonly version: string } | { readonly found: false; readonly bin: string };
  readonly cpus?: number;
  /** Every target URL of the run and whether its host is this machine (undefined: the name did not resolve). */
  readonly targets: readonly TargetFact[];
}

export interface TargetFact {
  readonly property: string;
  readonly url: string;
  readonly local?: boolean;
}

/** The JMeter heap (-Xmx) and where it comes from; `HEAP` and `JVM_ARGS` are the variables bin/jmeter reads. */
export interface HeapSetting {
  readonly xmxMb: number;
  readonly source: 'HEAP' | 'JVM_ARGS' | 'default';
}

/** How much concurrency the run asks for, estimated from the plan and its effective properties. */
export interface PlanLoad {
  readonly plan: string;
  /** Peak JMeter threads alive at once; undefined when the plan does not tell (a .jmx with computed counts). */
  readonly peakThreads?: number;
  /** Peak open connections: one keep-alive connection (or stream, or socket) per thread. */
  readonly peakConnections?: number;
  /** How the estimate was made, e.g. "THREADS=400" or "max(PHASEn_THREADS) capped by MAX_THREADS=2000". */
  readonly basis: string;
}

/**
 * ok: fine for this run · fail: this run is likely to hit it (--strict exits 2) · unknown: could not be
 * read · note: worth knowing, never fails (JMeter and the gateway share the CPU).
 */
export type CheckStatus = 'ok' | 'fail' | 'unknown' | 'note';

export type CheckId =
  | 'open-files'
  | 'ephemeral-ports'
  | 'tcp-tw-reuse'
  | 'somaxconn'
  | 'syn-backlog'
  | 'heap'
  | 'memory'
  | 'java'
  | 'same-host';

export interface PreflightCheck {
  readonly id: CheckId;
  /** What is checked, as the table shows it: "ulimit -n (soft/hard)". */
  readonly check: string;
  readonly current: string;
  readonly recommended: string;
  readonly status: CheckStatus;
  /** The exact command that fixes it; the preflight never changes the host itself. */
  readonly fix?: string;
  /** One clause saying why, e.g. "2,000 connections + 1,024 for JMeter itself". */
  readonly why?: string;
}

export interface PreflightReport {
  readonly load: PlanLoad;
  readonly heap: HeapDecision;
  readonly checks: readonly PreflightCheck[];
}

/** The heap JMeter will run with: the user's, or raised for a large thread count when the user set none. */
export interface HeapDecision {
  readonly configured: HeapSetting;
  readonly recommendedMb: number;
  /** Set when the preflight raises the heap: the HEAP value to hand to bin/jmeter. */
  readonly raisedHeap?: string;
  readonly effectiveMb: number;
}
