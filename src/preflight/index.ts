import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { readProfile } from '../runner/prepare.js';
import { resolvePlan, type PlanCatalogue } from '../runner/resolve-plan.js';
import type { RunRequest } from '../runner/types.js';
import { preflight } from './checks.js';
import { catalogueLoad, isCataloguePlan, jmxLoad } from './concurrency.js';
import { readHostFacts } from './host-facts.js';
import type { PreflightReport } from './types.js';

export { failedChecks, preflight } from './checks.js';
export type { CheckStatus, HostFacts, PlanLoad, PreflightCheck, PreflightReport } from './types.js';

export interface PreflightDeps {
  readonly catalogue: PlanCatalogue;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly profilesDir: string;
  /** Folder of /proc (tests). */
  readonly proc?: string;
}

/** The plan's default gateway (src/plans/knobs.ts) when the run does not set GATEWAY_URL. */
const DEFAULT_GATEWAY_URL = 'http://localhost:4444';

/** `jtl doctor` and the check before `jtl run`: the run's properties as `jtl run` resolves them, then the host. */
export async function runPreflight(request: RunRequest, deps: PreflightDeps): Promise<PreflightReport> {
  const plan = resolvePlan(request.plan, deps.catalogue, deps.cwd);
  const profile = request.profile === undefined ? new Map<string, string>() : await readProfile(join(deps.profilesDir, `${request.profile}.properties`));
  const effective = new Map([...profile, ...request.properties]);
  const load = catalogueLoad(plan.name, effective) ?? jmxLoad(plan.name, await readFile(plan.path, 'utf8'), effective);
  const facts = await readHostFacts({ env: deps.env, targets: targetUrls(plan.name, effective), ...(deps.proc !== undefined && { proc: deps.proc }) });
  return preflight(load, facts, deps.env);
}

/** The servers the plan loads: the MCP test servers for their plan, else the gateway; a foreign .jmx also any *_URL. */
function targetUrls(plan: string, properties: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  if (plan === 'mcp_test_servers_baseline') {
    return new Map([
      ['FAST_TIME_URL', properties.get('FAST_TIME_URL') ?? 'http://localhost:8888'],
      ['FAST_TEST_URL', properties.get('FAST_TEST_URL') ?? 'http://localhost:8880'],
    ]);
  }
  const urls = new Map([['GATEWAY_URL', properties.get('GATEWAY_URL') ?? DEFAULT_GATEWAY_URL]]);
  if (isCataloguePlan(plan)) return urls;
  for (const [name, value] of properties) if (name.endsWith('_URL') && /^(https?|wss?):\/\//.test(value)) urls.set(name, value);
  return urls;
}
