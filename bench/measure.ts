import { execa } from 'execa';

export interface Measure {
  readonly name: string;
  readonly seconds: number;
  readonly peakRssMb: number;
}

/** Runs a command under /usr/bin/time to get its peak RSS; wall time measured here. */
export async function measure(name: string, command: string, args: readonly string[], env: Record<string, string> = {}, cwd?: string): Promise<Measure> {
  const started = process.hrtime.bigint();
  const r = await execa('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', command, ...args], { reject: false, env, all: true, ...(cwd && { cwd }) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.exitCode !== 0) throw new Error(`${name} failed (${r.exitCode}): ${r.all?.slice(-500)}`);
  const kb = Number(/PEAK_RSS_KB=(\d+)/.exec(r.all ?? '')?.[1] ?? Number.NaN);
  return { name, seconds, peakRssMb: kb / 1024 };
}

/** The fastest of `repeat` runs: this machine is shared, the slower runs measure the neighbours. */
export async function best(repeat: number, run: () => Promise<Measure>): Promise<Measure> {
  let fastest: Measure | undefined;
  for (let i = 0; i < repeat; i++) {
    const m = await run();
    if (fastest === undefined || m.seconds < fastest.seconds) fastest = m;
  }
  return fastest!;
}
