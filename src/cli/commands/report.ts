import { resolve } from 'node:path';

import type { Command } from 'commander';

import { ToolkitError } from '../../errors.js';
import { progressReporter } from '../format/progress.js';

interface ReportCliOptions {
  out?: string;
  template?: string;
  jmeterCompat?: boolean;
  apdex: string;
  title?: string;
  jmeterDashboard?: boolean;
  sla?: string;
  rule: string[];
  baseline?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `jtl report`: wiring only (src/report). */
export function registerReportCommand(program: Command): void {
  program
    .command('report <inputs...>')
    .description('one self-contained offline HTML report (index.html) and report.json from JTL files or a run folder')
    .option('-o, --out <dir>', 'output folder (default for a run folder: <run folder>/report)')
    .option('--template <dir>', "a team's copy of templates/ (report.hbs, partials/*.hbs, report.css, report.js)")
    .option('--jmeter-compat', "JMeter dashboard's percentiles (each row's last 20,000 samples) instead of exact ones")
    .option('--apdex <satisfied,tolerated>', 'APDEX thresholds in ms', '500,1500')
    .option('--title <text>', 'page title (default: the plan name)')
    .option('--jmeter-dashboard', "also write JMeter's own dashboard (jmeter -g) to <out>/jmeter-dashboard/")
    .option('--sla <profile|file>', 'show SLA verdicts in the banner: baseline, load, stress, auto (from a run folder\'s plan), or a rules file')
    .option('--rule <rule>', 'an SLA one-liner for the banner, e.g. "p95 < 300ms" (repeatable; added to --sla)', collect, [])
    .option('--baseline <run|jtl|baseline.json>', 'compare with a baseline: deltas and verdicts per label, as `jtl compare`')
    .addHelpText('after', '\nThe page needs no network: chart.js, styles and data are inlined. Charts have at most 240 points\n(the interval doubles for long runs); the label table lists every label.')
    .action(async (inputs: string[], o: ReportCliOptions) => {
      const [{ writeReport }, { writeJmeterDashboard }] = await Promise.all([import('../../report/write.js'), import('../../report/jmeter-dashboard.js')]);
      const findings = o.sla !== undefined || o.rule.length > 0 ? (await judge(inputs, o)).findings : undefined;
      const comparison = o.baseline !== undefined ? await compareWith(o.baseline, inputs) : undefined;
      const written = await writeReport({
        inputs,
        ...(findings && { findings }),
        ...(comparison && { comparison }),
        ...(o.out !== undefined && { outDir: o.out }),
        ...(o.template !== undefined && { templateDir: resolve(o.template) }),
        mode: o.jmeterCompat ? 'jmeter-compat' : 'exact',
        apdex: apdex(o.apdex),
        ...(o.title !== undefined && { title: o.title }),
        onProgress: progressReporter(inputs),
      });
      process.stdout.write(`report: ${written.html}\n`);
      if (o.jmeterDashboard) {
        const jtls = written.model.headline.files.map((f) => f.file);
        if (jtls.length !== 1) throw new ToolkitError('CLI_BAD_OPTION', '--jmeter-dashboard: JMeter\'s dashboard reads one JTL; give one file or a run folder', { option: '--jmeter-dashboard' });
        process.stdout.write(`JMeter dashboard: ${await writeJmeterDashboard(jtls[0]!, written.dir)}\n`);
      }
    });
}

/** The SLA verdicts for the banner: the same rules and figures as `jtl gate` (a second read of the JTLs). */
async function judge(inputs: readonly string[], o: ReportCliOptions) {
  const { judgeInputs } = await import('../../sla/judge.js');
  return judgeInputs({ inputs, ...(o.sla !== undefined && { sla: o.sla }), rules: o.rule });
}

/** The comparison section: the same verdicts as `jtl compare <baseline> <inputs>`. */
async function compareWith(baseline: string, inputs: readonly string[]) {
  const { compareRuns, loadDigest } = await import('../../compare/index.js');
  const { findings } = compareRuns(await loadDigest(baseline), await loadDigest(inputs.join(',')));
  return { baseline, findings };
}

function apdex(text: string) {
  const [satisfiedMs, toleratedMs] = text.split(',').map((t) => Number(t.trim()));
  if (satisfiedMs === undefined || toleratedMs === undefined || !(satisfiedMs > 0) || !(toleratedMs >= satisfiedMs)) {
    throw new ToolkitError('CLI_BAD_OPTION', `--apdex ${text}: expected SATISFIED,TOLERATED in ms with 0 < SATISFIED ≤ TOLERATED`, { option: '--apdex' });
  }
  return { satisfiedMs, toleratedMs };
}
