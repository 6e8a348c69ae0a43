/** Signals that end a Node process by default; a closed terminal sends SIGHUP. */
const FATAL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * JMeter runs in its own process group (so a terminal's Ctrl-C reaches only the runner, which stops it gracefully).
 * The price: nothing stops that group when the runner dies. This guard does, until `release()`:
 * - when this process exits for any reason — also an uncaught exception or an unhandled rejection — the group gets
 *   SIGTERM (JMeter's shutdown hook still closes the JTL);
 * - a fatal signal nobody else handles (the CLI handles SIGINT/SIGTERM/SIGHUP itself, with a graceful stop) sends
 *   SIGTERM to the group, then ends this process with the same signal, as it would have without the guard.
 */
export function guardProcessGroup(pid: number): () => void {
  const killGroup = (): void => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // The group is gone already.
    }
  };
  const unhandled = FATAL_SIGNALS.filter((signal) => process.listenerCount(signal) === 0);
  const onSignal = (signal: NodeJS.Signals): void => {
    release();
    killGroup();
    process.kill(process.pid, signal);
  };
  const release = (): void => {
    process.off('exit', killGroup);
    for (const signal of unhandled) process.off(signal, onSignal);
  };
  process.on('exit', killGroup);
  for (const signal of unhandled) process.on(signal, onSignal);
  return release;
}
