import type { Command } from 'commander';

import { RUN_DEFAULTS } from '../../runner/options.js';

/** `jtl runs pick`: which run folders a report or a comparison should use (the make targets call it). */
export function registerRunsCommand(program: Command): void {
  const runs = program.command('runs').description('the run folders in results/');
  runs
    .command('pick')
    .description('print the newest run folder(s) holding samples, oldest first; say on stderr which empty runs were skipped')
    .option('--out <dir>', 'folder of run folders', RUN_DEFAULTS.outDir)
    .option('--count <n>', '1 (a report) or 2 (a comparison)', '1')
    .option('--allow-different-plans', 'let a comparison pair runs of different plans')
    .action(async (o: { out: string; count: string; allowDifferentPlans?: boolean }) => {
      const { pickRuns, skippedRunNote } = await import('../../runner/run-select.js');
      const { ToolkitError } = await import('../../errors.js');
      if (o.count !== '1' && o.count !== '2') throw new ToolkitError('CLI_BAD_OPTION', `--count ${o.count}: expected 1 or 2`, { option: '--count' });
      const picked = await pickRuns({ outDir: o.out, count: Number(o.count), ...(o.allowDifferentPlans && { allowDifferentPlans: true }) });
      for (const r of picked.skipped) process.stderr.write(skippedRunNote(r) + '\n');
      process.stdout.write(picked.runs.map((r) => r.dir).join('\n') + '\n');
    });
}
