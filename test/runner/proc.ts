import { readdirSync, readFileSync } from 'node:fs';

/** Command lines (argv joined by spaces) of every process on the machine that contain `needle`. */
export function commandLinesContaining(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue; // the process ended meanwhile
    }
    if (cmdline.includes(needle)) found.push(`${pid}: ${cmdline}`);
  }
  return found;
}

/**
 * Kills (SIGKILL) every process whose command line mentions `needle` — a test's own scratch folder, which its runner
 * and JMeter have in their arguments — so a failed assertion or a timeout leaves nothing running.
 */
export function killProcessesMentioning(needle: string): number {
  let killed = 0;
  for (const line of commandLinesContaining(needle)) {
    const pid = Number(line.slice(0, line.indexOf(':')));
    if (pid === process.pid) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed += 1;
    } catch {
      // ended meanwhile
    }
  }
  return killed;
}
