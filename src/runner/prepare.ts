import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { ToolkitError } from '../errors.js';
import { runnerProperties } from './args.js';
import { checkLoadProperties } from './load-checks.js';
import { parseProperties } from './properties.js';
import { plannedEndS, type PlannedGroup } from '../plans/schedule.js';
import type { PlanLoad } from '../plans/shape.js';
import { checkPlanFresh, checkRequiredProperties, plannedDurationS, resolvePlan, type PlanCatalogue } from './resolve-plan.js';
import { resolveJmeter } from './resolve-jmeter.js';
import { readSecrets, redactProperties } from './secrets.js';
import { checkGatewayCertificate } from './certificate-check.js';
import type { TrustStore } from './truststore.js';
import type { JmeterInstall, ResolvedPlan, RunRequest } from './types.js';

/** Everything settled before anything is written or started: usage errors surface here, not mid-run. */
export interface PreparedRun {
  readonly request: RunRequest;
  readonly plan: ResolvedPlan;
  readonly jmeter: JmeterInstall;
  readonly profileFile?: string;
  /** The profile's section for this plan: properties/<profile>/<plan>.properties, loaded after profileFile. */
  readonly planProfileFile?: string;
  readonly secrets: ReadonlyMap<string, string>;
  /** `--truststore`, read and checked; the gateway's certificate was verified against it. */
  readonly trustStore?: TrustStore;
  /** Profile + options + runner settings, secret values redacted: what run.properties and summary.json show. */
  readonly redactedProperties: ReadonlyMap<string, string>;
  readonly plannedS?: number;
  readonly targetRps?: number;
  /** Plans with a schedule: its groups or phases as planned for this run's properties. */
  readonly planned?: readonly PlannedGroup[];
  /** Catalogue plans: the threads, rate and duration this run will have (printed before it starts). */
  readonly load?: PlanLoad;
}

export interface PrepareDeps {
  readonly catalogue: PlanCatalogue;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Folder holding ci.properties / production.properties. */
  readonly profilesDir: string;
  readonly jmeterDir?: string;
}

export async function prepareRun(request: RunRequest, deps: PrepareDeps): Promise<PreparedRun> {
  const plan = resolvePlan(request.plan, deps.catalogue, deps.cwd);
  await checkPlanFresh(plan, deps.cwd);
  const secrets = await readSecrets(deps.env, request.tokenFile);
  const profileFile = request.profile === undefined ? undefined : join(deps.profilesDir, `${request.profile}.properties`);
  const profile = profileFile === undefined ? new Map<string, string>() : await readProfile(profileFile);
  const planProfileFile = profileFile === undefined ? undefined : join(deps.profilesDir, request.profile ?? '', `${plan.name}.properties`);
  const hasPlanProfile = planProfileFile !== undefined && existsSync(planProfileFile);
  const planProfile = hasPlanProfile ? await readProfile(planProfileFile) : new Map<string, string>();
  checkLoadProperties([
    ...(profileFile !== undefined ? [[profileFile, profile] as const] : []),
    ...(hasPlanProfile ? [[planProfileFile, planProfile] as const] : []),
    ['command line (-J, --threads, --duration)', request.properties],
  ]);
  const effective = new Map([...profile, ...planProfile, ...runnerProperties(request.progressIntervalS), ...request.properties]);
  checkRequiredProperties(plan, new Map([...effective, ...secrets]));
  // Absolute: JMeter runs in the run folder.
  const truststore = request.truststore && { ...request.truststore, file: resolve(deps.cwd, request.truststore.file) };
  const trustStore = truststore && (await checkGatewayCertificate(truststore, effective.get('GATEWAY_URL'), deps.env));
  const jmeter = resolveJmeter({ env: deps.env, ...(deps.jmeterDir !== undefined && { jmeterDir: deps.jmeterDir }) });
  const load = plan.loadUnder?.(effective);
  const planned = plan.schedule?.(effective);
  const plannedS = planned !== undefined && planned.length > 0 ? plannedEndS(planned) : (load?.durationS ?? plannedDurationS(plan, effective));
  // Phased plans have one target per phase: no single figure to hold the whole run against.
  const targetRps = load ? (load.sequential ? NaN : (load.targetRps ?? NaN)) : Number(effective.get('TARGET_RPS') ?? plan.targetRps);
  return {
    request,
    plan,
    jmeter,
    ...(profileFile !== undefined && { profileFile }),
    ...(hasPlanProfile && { planProfileFile }),
    ...(load !== undefined && { load }),
    secrets,
    ...(trustStore && { trustStore }),
    redactedProperties: redactProperties(new Map([...effective, ...[...secrets.keys()].map((k) => [k, ''] as const)])),
    ...(plannedS !== undefined && { plannedS }),
    ...(Number.isFinite(targetRps) && targetRps > 0 && { targetRps }),
    ...(planned !== undefined && planned.length > 0 && { planned }),
  };
}

export async function readProfile(file: string): Promise<Map<string, string>> {
  try {
    return parseProperties(await readFile(file, 'latin1'));
  } catch (error) {
    throw new ToolkitError('CLI_PROFILE_MISSING', `profile file ${file} cannot be read (${(error as Error).message})`, {
      file,
    });
  }
}
