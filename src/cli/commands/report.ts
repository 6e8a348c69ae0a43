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
}

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
    .addHelpText('after', '\nThe page needs no network: chart.js, styles and data are inlined. Charts have at most 240 points\n(the interval doubles for long runs); the label table lists every label.')
    .action(async (inputs: string[], o: ReportCliOptions) => {
      const [{ writeReport }, { writeJmeterDashboard }] = await Promise.all([import('../../report/write.js'), import('../../report/jmeter-dashboard.js')]);
      const written = await writeReport({
        inputs,
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

function apdex(text: string) {
  const [satisfiedMs, toleratedMs] = text.split(',').map((t) => Number(t.trim()));
  if (satisfiedMs === undefined || toleratedMs === undefined || !(satisfiedMs > 0) || !(toleratedMs >= satisfiedMs)) {
    throw new ToolkitError('CLI_BAD_OPTION', `--apdex ${text}: expected SATISFIED,TOLERATED in ms with 0 < SATISFIED ≤ TOLERATED`, { option: '--apdex' });
  }
  return { satisfiedMs, toleratedMs };
}
