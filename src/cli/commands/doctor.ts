import { join } from 'node:path';

import type { Command } from 'commander';

import { ToolkitError } from '../../errors.js';
import { plansDir } from '../../plans/paths.js';
import type { PreflightReport } from '../../preflight/index.js';
import { normalizeRunOptions, type RawRunOptions } from '../../runner/options.js';
import { repoRoot } from '../../runner/repo-root.js';
import type { RunRequest } from '../../runner/types.js';
import { formatPreflightTable, formatPreflightWarnings } from '../format/preflight-table.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `jtl doctor <plan>`: the preflight of `jtl run` on its own. Wiring only; the decisions are src/preflight. */
export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor <plan>')
    .description('check this host for a run of <plan> (file descriptors, ports, backlogs, heap, memory, Java, shared CPU) and print the fixes')
    .option('--profile <name>', 'load properties/<name>.properties: ci or production')
    .option('-J <NAME=value>', 'set a plan property, e.g. -J THREADS=10 (repeatable; later wins)', collect, [])
    .option('--gateway-url <url>', 'gateway base URL (GATEWAY_URL)')
    .option('--server-id <id>', 'virtual server id for the MCP plans (SERVER_ID)')
    .option('--duration <time>', 'test duration (DURATION)')
    .option('--threads <n>', 'threads (THREADS)')
    .option('--strict', 'exit 2 when any check fails (for CI)')
    .option('--json', 'print the checks as JSON')
    .addHelpText(
      'after',
      '\nTakes the load options of `jtl run`; `jtl run` runs the same checks first and warns (--strict-preflight\n' +
        'makes them fatal, --no-preflight skips them). Host settings are read, never changed: each failed row\n' +
        'says the command that fixes it. A value that cannot be read is "unknown" and does not fail.\n' +
        'Exit codes: 0 checked (warnings allowed), 2 bad usage or, with --strict, a failed check.',
    )
    .action(async (plan: string, options: RawRunOptions & { strict?: boolean; json?: boolean }) => {
      const report = await preflightFor(normalizeRunOptions(plan, options), process.env);
      process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : formatPreflightTable(report));
      if (options.strict) throwOnFailure(report);
    });
}

/** The preflight as `jtl run` resolves the plan and its properties. */
export async function preflightFor(request: RunRequest, env: NodeJS.ProcessEnv): Promise<PreflightReport> {
  const [{ runPreflight }, { planCatalogue }] = await Promise.all([import('../../preflight/index.js'), import('../../plans/catalogue.js')]);
  return runPreflight(request, {
    catalogue: { plans: planCatalogue, dir: plansDir() },
    env,
    cwd: process.cwd(),
    profilesDir: join(repoRoot(), 'properties'),
  });
}

/** --strict: a failed check is a usage-level error (exit 2), named with its fix. */
export function throwOnFailure(report: PreflightReport): void {
  const failed = report.checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return;
  throw new ToolkitError(
    'CLI_PREFLIGHT_FAILED',
    `preflight failed for ${report.load.plan}: ${failed.map((c) => c.check).join(', ')} (see the fixes above; run without --strict to go on anyway)`,
    { checks: failed.map((c) => c.id) },
  );
}

/** Before `jtl run`: warnings on stderr; the environment bin/jmeter gets (a raised HEAP). */
export async function preflightBeforeRun(request: RunRequest, env: NodeJS.ProcessEnv, strict: boolean): Promise<NodeJS.ProcessEnv> {
  // With remote engines this host only steers: their hosts carry the load and are not checked from here.
  if (request.remoteHosts.length > 0) return env;
  const report = await preflightFor(request, env);
  for (const line of formatPreflightWarnings(report)) process.stderr.write(line + '\n');
  if (strict) throwOnFailure(report);
  return report.heap.raisedHeap === undefined ? env : { ...env, HEAP: report.heap.raisedHeap };
}
