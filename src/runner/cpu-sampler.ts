import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';

/** One reading: JMeter's process group CPU and the whole machine's, cumulative seconds. */
export interface CpuReading {
  readonly atMs: number;
  readonly jmeterS: number;
  readonly machineBusyS: number;
  readonly machineTotalS: number;
}

/** CPU over a run, for telling a saturated generator from a saturated target. Linux (/proc) only. */
export interface CpuTimeline {
  readonly cores: number;
  readonly readings: readonly CpuReading[];
}

/** Linux's USER_HZ: /proc counts CPU time in 1/100 s on every architecture the toolkit runs on. */
const TICKS_PER_S = 100;

/**
 * utime + stime of every process that was ever in process group `pgid` (JMeter is spawned as its own group),
 * seconds. `seen` keeps each process's last figure, so a helper process of bin/jmeter that exits does not make
 * the total go down.
 */
async function groupCpuS(pgid: number, seen: Map<string, number>): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'latin1').catch(() => '');
    // The fields after the command name, which may hold spaces and parentheses: state ppid pgrp … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid) seen.set(entry, Math.max(seen.get(entry) ?? 0, Number(fields[11]) + Number(fields[12])));
  }
  let ticks = 0;
  for (const t of seen.values()) ticks += t;
  return ticks / TICKS_PER_S;
}

async function machineCpuS(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'latin1')).split('\n')[0] ?? '';
  const [, ...values] = line.trim().split(/\s+/).map(Number);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: (total - idle) / TICKS_PER_S, total: total / TICKS_PER_S };
}

/** Reads CPU every `everyMs` until stopped; on a system without /proc the timeline stays empty. */
export function sampleCpu(pgid: number, everyMs = 1000): { stop: () => Promise<CpuTimeline> } {
  const readings: CpuReading[] = [];
  const seen = new Map<string, number>();
  let pending: Promise<void> = Promise.resolve();
  const read = (): void => {
    pending = pending.then(async () => {
      try {
        const [jmeterS, machine] = await Promise.all([groupCpuS(pgid, seen), machineCpuS()]);
        readings.push({ atMs: Date.now(), jmeterS, machineBusyS: machine.busy, machineTotalS: machine.total });
      } catch {
        // no /proc: no CPU figures, the rate check then judges by errors and latency alone
      }
    });
  };
  read();
  const timer = setInterval(read, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
      return { cores: availableParallelism(), readings };
    },
  };
}

/** JMeter's CPU (in cores) and the machine's busy share over [fromMs, toMs], from the readings nearest its ends. */
export function cpuBetween(t: CpuTimeline, fromMs: number, toMs: number): { readonly jmeterCores: number; readonly machineBusy: number } | undefined {
  const first = [...t.readings].reverse().find((r) => r.atMs <= fromMs) ?? t.readings[0];
  const last = t.readings.find((r) => r.atMs >= toMs) ?? t.readings[t.readings.length - 1];
  if (first === undefined || last === undefined || last.atMs - first.atMs < 500) return undefined;
  const wallS = (last.atMs - first.atMs) / 1000;
  const totalS = last.machineTotalS - first.machineTotalS;
  return {
    jmeterCores: (last.jmeterS - first.jmeterS) / wallS,
    machineBusy: totalS > 0 ? (last.machineBusyS - first.machineBusyS) / totalS : 0,
  };
}
