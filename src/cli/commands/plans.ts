import type { Command } from 'commander';

import { ToolkitError } from '../../errors.js';
import type { FileLint, PlanInfo } from '../../plans/index.js';

/** Loaded when a plans subcommand runs, not at start-up (the builder is the CLI's heaviest import). */
const plansModule = () => import('../../plans/index.js');

/** `jtl plans list|build|check|lint`: wiring only. */
export function registerPlansCommand(program: Command): void {
  const plans = program.command('plans').description('the ten JMeter plans generated from TypeScript definitions');

  plans
    .command('list')
    .description('name, purpose, default load and required properties of each plan')
    .option('--json', 'print the catalogue as JSON')
    .action(async (o: { json?: boolean }) => {
      const { planCatalogue } = await plansModule();
      process.stdout.write(o.json ? JSON.stringify(planCatalogue, null, 2) + '\n' : formatCatalogue(planCatalogue));
    });

  plans
    .command('build')
    .description('write every plan (.jmx) and its CSV data into plans/ (or --out DIR)')
    .option('--out <dir>', 'output folder instead of the repository plans/')
    .action(async (o: { out?: string }) => {
      const { buildPlans } = await plansModule();
      const r = await buildPlans(o.out ? { outDir: o.out } : {});
      process.stdout.write(`wrote ${r.written.length} files to ${r.outDir} (${r.changed.length} changed)\n`);
    });

  plans
    .command('check')
    .description('fail when plans/ differs from the definitions (run `jtl plans build`) or holds a file they do not produce')
    .option('--dir <dir>', 'folder to check instead of the repository plans/')
    .action(async (o: { dir?: string }) => {
      const { checkPlans } = await plansModule();
      const r = await checkPlans(o.dir ? { dir: o.dir } : {});
      if (r.differing.length > 0) {
        throw new ToolkitError('PLAN_OUT_OF_DATE', `${r.differing.length} file(s) differ from the definitions, run \`jtl plans build\`: ${r.differing.join(', ')}`, { files: r.differing });
      }
      if (r.extra.length > 0) {
        throw new ToolkitError('PLAN_EXTRA_FILES', `${r.extra.length} file(s) in ${r.dir} are not produced by the definitions: ${r.extra.join(', ')}; delete them (or define the plan in src/plans)`, { files: r.extra });
      }
      process.stdout.write(`plans up to date in ${r.dir}\n`);
    });

  plans
    .command('lint <files...>')
    .description('unknown classes, properties without defaults, secrets, GUI listeners, per-request scripts')
    .action(async (files: string[]) => {
      const { lintFiles } = await plansModule();
      const results = await lintFiles(files);
      process.stdout.write(formatLint(results));
      const count = results.reduce((n, r) => n + r.findings.length, 0);
      if (count > 0) throw new ToolkitError('PLAN_LINT_FAILED', `${count} finding(s) in ${results.filter((r) => r.findings.length > 0).map((r) => r.file).join(', ')}`, { count });
    });
}

export function formatCatalogue(list: readonly PlanInfo[]): string {
  const rows = list.map((p) => [
    p.name,
    p.defaults.threads === undefined ? '-' : String(p.defaults.threads),
    p.defaults.durationS === undefined ? '-' : `${p.defaults.durationS}s`,
    p.defaults.targetRps === undefined ? '-' : `${p.defaults.targetRps}/s`,
    p.requiredProperties.join(',') + (p.phased ? ' (phased)' : ''),
    p.purpose,
  ]);
  const head = ['PLAN', 'THREADS', 'DURATION', 'TARGET', 'REQUIRED', 'PURPOSE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

export function formatLint(results: readonly FileLint[]): string {
  return results
    .map((r) => r.findings.length === 0 ? `${r.file}: ok\n` : r.findings.map((f) => `${r.file}: ${f.path}: ${f.rule}: ${f.message}\n`).join(''))
    .join('');
}
