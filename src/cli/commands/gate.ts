import type { Command } from 'commander';

import { SlaFailed, ToolkitError } from '../../errors.js';
import { failures } from '../../findings/finding.js';
import { publishFindings } from '../format/findings-outputs.js';
import { progressReporter } from '../format/progress.js';

interface GateOptions {
  readonly sla?: string;
  readonly rule: string[];
  readonly json?: boolean;
  readonly junit?: string;
  readonly runProfile?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `jtl gate`: wiring only (rules and verdicts in src/sla, outputs in src/output). */
export function registerGateCommand(program: Command): void {
  program
    .command('gate <inputs...>')
    .description('judge JTL files or a run folder against SLA rules: exit 0 when every failing-severity rule passes, 1 when one fails')
    .option('--sla <profile|file>', 'baseline, load, stress, auto (from the run\'s plan), or a YAML/JSON rules file (default: auto for a run folder)')
    .option('--rule <rule>', 'a one-liner rule, e.g. "p95 < 300ms", "errors < 0.5% for each label" (repeatable; added to --sla)', collect, [])
    .option('--json', 'print the findings as JSON (schemaVersion, verdict, findings)')
    .option('--junit <file>', 'write JUnit XML: one test case per rule and scope')
    .option('--run-profile <name>', 'the profile the JTL was made with (ci or production) when no run folder tells')
    .addHelpText(
      'after',
      '\nRule syntax: METRIC [latency] OP VALUE [in every 60s] [after 30s] [for \'label\' | /regex/ | each label] [warn] [abort]\n' +
        '  p95 < 300ms · errors < 0.5% for each label · p95 < 500ms in every 60s after 30s for \'MCP tools/call\'\n' +
        'With GITHUB_STEP_SUMMARY set, a Markdown table is appended to it; with GITHUB_ACTIONS=true, failures and\n' +
        'warnings are printed as ::error / ::warning workflow commands.\n' +
        'Exit codes: 0 every failing-severity rule passed, 1 a rule failed (or found no data),\n' +
        '2 bad usage, a bad rule or rules file, unreadable or empty input.',
    )
    .action(async (inputs: string[], o: GateOptions) => {
      const [{ analyzeForSla, evaluateSla, loadRuleSet }, { isDirectory, readRunFolder }] = await Promise.all([
        import('../../sla/index.js'),
        import('../../sla/run-folder.js'),
      ]);
      if (o.runProfile !== undefined && o.runProfile !== 'ci' && o.runProfile !== 'production') {
        throw new ToolkitError('CLI_BAD_PROFILE', `--run-profile "${o.runProfile}": expected ci or production`, { option: '--run-profile' });
      }
      const folder = inputs.length === 1 && (await isDirectory(inputs[0]!)) ? await readRunFolder(inputs[0]!) : undefined;
      const files = folder ? [folder.jtl] : inputs;
      const set = await loadRuleSet({
        ...((o.sla ?? (folder ? 'auto' : undefined)) !== undefined && { sla: o.sla ?? 'auto' }),
        rules: o.rule,
        ...(folder?.plan !== undefined && { plan: folder.plan }),
      });
      const { analysis, context } = await analyzeForSla({ files, onProgress: progressReporter(files) }, set);
      const runProfile = o.runProfile ?? folder?.profile;
      const findings = evaluateSla(analysis, set, { ...context, ...(runProfile !== undefined && { runProfile }) });
      const title = `SLA (${set.name})`;
      await publishFindings(title, findings, {
        ...(o.json && { json: true }),
        ...(o.junit !== undefined && { junit: o.junit }),
        env: process.env,
        stdout: process.stdout,
        extra: { inputs, ...(runProfile !== undefined && { runProfile }) },
      });
      const failed = failures(findings);
      if (failed.length > 0) {
        throw new SlaFailed('SLA_FAILED', `${failed.length} SLA rule${failed.length === 1 ? '' : 's'} failed: ${failed.map((f) => `${f.subject} [${f.scope}]`).slice(0, 3).join('; ')}${failed.length > 3 ? '; …' : ''}`, { failed: failed.length });
      }
    });
}
