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
