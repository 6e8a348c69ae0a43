import { readFileSync } from 'node:fs';

import { Command } from 'commander';

import { registerAnalyzeCommand } from './commands/analyze.js';
import { registerCompareCommands } from './commands/compare.js';
import { registerGateCommand } from './commands/gate.js';
import { registerPlansCommand } from './commands/plans.js';
import { registerReportCommand } from './commands/report.js';
import { registerRunCommand } from './commands/run.js';
import { registerRunsCommand } from './commands/runs.js';
import { registerTargetCommand } from './commands/target.js';

/** Commander wiring only: every subcommand lives in commands/<name>.ts and registers itself here. */
export function buildProgram(): Command {
  const program = new Command('jtl')
    .description('JMeter performance testing of MCP gateways: plans from code, runs, JTL analysis')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'show stack traces of errors (also JTL_DEBUG=1)')
    .showHelpAfterError('(run with --help for usage)')
    // Before the subcommands exist, so they inherit it: main.ts maps usage errors to exit code 2.
    .exitOverride();
  // Subcommands (one line each):
  registerRunCommand(program);
  registerPlansCommand(program);
  registerTargetCommand(program);
  registerAnalyzeCommand(program);
  registerReportCommand(program);
  registerGateCommand(program);
  registerCompareCommands(program);
  registerRunsCommand(program);
  return program;
}

/** Both src/cli (tsx) and dist/cli (built) sit two levels below the package root. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
