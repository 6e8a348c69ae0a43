import { CommanderError } from 'commander';

import { describeError, EXIT, exitCodeFor } from './exit.js';
import { buildProgram } from './program.js';

/** Entry point of the `jtl` binary. Maps every failure to one stderr line and an exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  ignoreClosedPipes();
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

/**
 * A reader that stops early (`jtl … | head -1`) closes the pipe, and every later write fails with EPIPE, which Node
 * raises as an 'error' event — a crash with a stack trace when nobody listens. Output nobody reads is dropped
 * quietly instead, and the command ends with its own exit code (0 for --help; a gate's verdict stays its verdict).
 */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (!stream.listeners('error').includes(dropWriteToClosedPipe)) stream.on('error', dropWriteToClosedPipe);
  }
}

function dropWriteToClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}
