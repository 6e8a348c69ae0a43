import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

import { ToolkitError } from '../errors.js';
import type { RateSchedule } from '../plans/schedule.js';
import type { PlanLoad } from '../plans/shape.js';
import type { ResolvedPlan } from './types.js';

/** What the runner needs from the plan catalogue (src/plans/catalogue.ts's PlanInfo fits it). */
export interface CatalogueEntry {
  readonly name: string;
  readonly file: string;
  readonly defaults: { readonly durationS?: number; readonly targetRps?: number };
  readonly requiredProperties: readonly string[];
  readonly phased: boolean;
  readonly schedule?: RateSchedule;
  /** The load under a run's properties, the definition's defaults filling the rest. */
  loadUnder?(properties: ReadonlyMap<string, string>): PlanLoad;
  /** Files in `dir` (the plan and its data) that differ from what the definition renders now. */
  drift?(dir: string): Promise<readonly string[]>;
}

export interface PlanCatalogue {
  readonly plans: readonly CatalogueEntry[];
  readonly dir: string;
}

/** A catalogue name (`rest_api_baseline`) or a path to a .jmx file → the file to run. */
export function resolvePlan(arg: string, catalogue: PlanCatalogue, cwd: string): ResolvedPlan {
  const looksLikePath = arg.endsWith('.jmx') || arg.includes('/');
  if (looksLikePath) {
    const path = resolve(cwd, arg);
    if (!existsSync(path)) throw new ToolkitError('CLI_PLAN_NOT_FOUND', `plan file ${arg} does not exist`, { path });
    const name = basename(path, '.jmx');
    const entry = catalogue.plans.find((p) => p.file === basename(path));
    // Only the catalogue's own file is the definition's output; a copy elsewhere is the user's own plan.
    return fromEntry(name, path, entry, entry !== undefined && resolve(dirname(path)) === resolve(catalogue.dir) ? catalogue.dir : undefined);
  }
  const entry = catalogue.plans.find((p) => p.name === arg || p.file === arg);
  if (!entry) {
    throw new ToolkitError(
      'CLI_UNKNOWN_PLAN',
      `unknown plan "${arg}": expected a .jmx path or one of ${catalogue.plans.map((p) => p.name).join(', ') || '(no plans in the catalogue)'}`,
      { plan: arg },
    );
  }
  const path = join(catalogue.dir, entry.file);
  if (!existsSync(path)) {
    throw new ToolkitError('PLAN_NOT_BUILT', `plan ${entry.name} has not been generated (no ${path}): run \`make jmeter-plans\``, {
      path,
    });
  }
  return fromEntry(entry.name, path, entry, catalogue.dir);
}

function fromEntry(name: string, path: string, entry: CatalogueEntry | undefined, catalogueDir?: string): ResolvedPlan {
  return {
    name,
    path,
    ...(entry?.loadUnder !== undefined && { loadUnder: (p: ReadonlyMap<string, string>) => entry.loadUnder!(p) }),
    ...(entry?.drift !== undefined && catalogueDir !== undefined && { drift: () => entry.drift!(catalogueDir) }),
    ...(entry?.defaults.targetRps !== undefined && { targetRps: entry.defaults.targetRps }),
    ...(entry?.defaults.durationS !== undefined && !entry.phased && { durationS: entry.defaults.durationS }),
    requiredProperties: entry?.requiredProperties ?? [],
    ...(entry?.schedule !== undefined && { schedule: entry.schedule }),
  };
}

/** Fails fast, before JMeter starts, when a property the plan cannot do without is missing. */
export function checkRequiredProperties(plan: ResolvedPlan, available: ReadonlyMap<string, string>): void {
  const missing = plan.requiredProperties.filter((name) => !available.get(name));
  if (missing.length === 0) return;
  const how = (name: string): string =>
    name === 'TOKEN'
      ? 'set JMETER_TOKEN (or MCPGATEWAY_BEARER_TOKEN) or pass --token-file'
      : name === 'SERVER_ID'
        ? 'pass --server-id ID'
        : name === 'GATEWAY_URL'
          ? 'pass --gateway-url URL'
          : `pass -J ${name}=…`;
  throw new ToolkitError(
    'CLI_MISSING_PROPERTY',
    `plan ${plan.name} needs ${missing.join(', ')}: ${missing.map(how).join('; ')}`,
    { plan: plan.name, missing },
  );
}

/** The planned duration in seconds, if it can be known: DURATION × TIME_SCALE, else the catalogue default. */
export function plannedDurationS(plan: ResolvedPlan, properties: ReadonlyMap<string, string>): number | undefined {
  const scale = Number(properties.get('TIME_SCALE') ?? '1');
  const duration = properties.has('DURATION') ? Number(properties.get('DURATION')) : plan.durationS;
  const planned = duration === undefined ? NaN : duration * scale;
  return Number.isFinite(planned) && planned > 0 ? planned : undefined;
}

/** A catalogue plan runs only as its definition renders it now: a drifted plans/ file is refused with the fix. */
export async function checkPlanFresh(plan: ResolvedPlan, cwd: string): Promise<void> {
  const differing = (await plan.drift?.()) ?? [];
  if (differing.length === 0) return;
  const files = differing.map((f) => relative(cwd, f) || f).join(', ');
  throw new ToolkitError(
    'PLAN_OUT_OF_DATE',
    `${files} differ${differing.length === 1 ? 's' : ''} from the plan definitions in src/plans: ` +
      'run `node bin/jtl.js plans build` (or `make jmeter-plans`) to regenerate plans/, then run again',
    { plan: plan.name, files: differing },
  );
}
