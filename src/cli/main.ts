import { CommanderError } from 'commander';

import { describeError, EXIT, exitCodeFor } from './exit.js';
import { buildProgram } from './program.js';

/** Entry point of the `jtl` binary. Maps every failure to one stderr line and an exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    const debug = Boolean(program.opts().debug) || process.env.JTL_DEBUG === '1';
    process.stderr.write(describeError(error, debug));
    process.exitCode = exitCodeFor(error);
  }
}
