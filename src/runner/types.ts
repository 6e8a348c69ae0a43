/** The runner's domain objects. Options are normalised once (options.ts) into a RunRequest. */
import type { PlanLoad } from '../plans/shape.js';

import type { PlannedGroup, RateSchedule } from '../plans/schedule.js';

export type Profile = 'ci' | 'production';

/** What the user asked for, validated and normalised. No secret in here: the token travels separately. */
export interface RunRequest {
  /** A catalogue plan name or a path to a .jmx file. */
  readonly plan: string;
  readonly profile?: Profile;
  /** Plan properties (GATEWAY_URL, THREADS, …) in the order given; later entries win. */
  readonly properties: ReadonlyMap<string, string>;
  readonly outDir: string;
  readonly tokenFile?: string;
  /** `--truststore`: the gateway's certificate is verified against it (its password from a file or the environment). */
  readonly truststore?: { readonly file: string; readonly passwordFile?: string };
  /** Remote JMeter engines (host or host:port); empty for a local run. */
  readonly remoteHosts: readonly string[];
  /** Seconds between two summariser lines (live progress). */
  readonly progressIntervalS: number;
  /** Stop a run whose first this-many seconds measured nothing (dead gateway, refused token…); 0: never. */
  readonly failFastS: number;
}

/** Where JMeter was found, and how. */
export interface JmeterInstall {
  readonly bin: string;
  readonly home?: string;
  readonly source: 'JMETER_HOME' | '.jmeter' | 'PATH';
}

/** A plan resolved to a file, with the catalogue's knowledge of it when it is a catalogue plan. */
export interface ResolvedPlan {
  readonly name: string;
  readonly path: string;
  readonly targetRps?: number;
  readonly durationS?: number;
  readonly requiredProperties: readonly string[];
  /** Catalogue plans that hold a rate: what they promise over time. */
  readonly schedule?: RateSchedule;
  /** Catalogue plans: threads, rate and duration under the run's properties. */
  readonly loadUnder?: (properties: ReadonlyMap<string, string>) => PlanLoad;
  /** Catalogue plans run from plans/: the files there that differ from the definitions. */
  readonly drift?: () => Promise<readonly string[]>;
}

/** The files of one run folder: results/<plan>_<timestamp>/. */
export interface RunFolder {
  readonly dir: string;
  readonly planCopy: string;
  readonly jtl: string;
  readonly log: string;
  readonly properties: string;
  readonly summary: string;
}

/** Everything the pure argv builder needs. */
export interface JmeterArgsSpec {
  readonly planPath: string;
  readonly jtlPath: string;
  readonly logPath: string;
  /** Property files in order: profile first, then the secret file; loaded with -q (local) or -G (remote). */
  readonly propertyFiles: readonly string[];
  /** System property files (-S): the truststore and its password. */
  readonly systemPropertyFiles?: readonly string[];
  readonly properties: ReadonlyMap<string, string>;
  readonly remoteHosts: readonly string[];
  readonly progressIntervalS: number;
}

/** One parsed summariser line (JMeter non-GUI stdout). */
export interface SummariserLine {
  readonly kind: 'delta' | 'total';
  readonly count: number;
  readonly elapsedS: number;
  /** undefined when JMeter printed `******` (elapsed 0). */
  readonly ratePerS?: number;
  readonly avgMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly errors: number;
  readonly errorPct: number;
  readonly active?: number;
  readonly started?: number;
  readonly finished?: number;
}

/** Live progress of a run, derived from summariser lines (pure, see progress-monitor.ts). */
export interface ProgressState {
  readonly elapsedS: number;
  readonly plannedS?: number;
  readonly samples: number;
  readonly errors: number;
  /** Rate of the last interval. */
  readonly ratePerS: number;
  /** Error % of the last interval. */
  readonly errorPct: number;
  readonly activeThreads: number;
  /** Plans with a schedule: the phase(s) planned now and their planned rate (compare with ratePerS). */
  readonly planned?: { readonly phase: string; readonly rps: number };
}

export type { PlannedGroup };

export type RunEvent =
  | { readonly kind: 'started'; readonly folder: RunFolder; readonly jmeter: JmeterInstall; readonly plan: ResolvedPlan; readonly load?: PlanLoad }
  | { readonly kind: 'progress'; readonly state: ProgressState }
  | { readonly kind: 'warning'; readonly message: string }
  | { readonly kind: 'stopping'; readonly step: StopStep };

export type StopStep = 'Shutdown' | 'StopTestNow' | 'SIGTERM' | 'SIGKILL';

/** How the JMeter process ended. */
export interface JmeterExit {
  readonly exitCode?: number;
  readonly signal?: string;
  readonly durationMs: number;
  /** Set when the run was stopped on request (Ctrl-C, SIGTERM, a breached SLA later): the last step used. */
  readonly stoppedWith?: StopStep;
  /** The stop had to go past its first step: JMeter did not end within that step's timeout (see stop.ts). */
  readonly stopTimedOut?: boolean;
  /** Lines JMeter printed that report an error ("An error occurred: …", "Error in NonGUIDriver …"). */
  readonly errorLines: readonly string[];
  readonly stdoutTail: readonly string[];
  readonly stderrTail: readonly string[];
  readonly lastTotal?: SummariserLine;
  /** Set when JMeter could not be started at all (ENOENT, EACCES…). */
  readonly spawnError?: string;
}
