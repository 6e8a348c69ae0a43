/**
 * `npm run bench:rates`: do the plans produce the load they promise? Runs rest_api_baseline, load_test and the
 * stress and spike phases at several target rates against the embedded target, through the runner (`jtl run`'s
 * pipeline), and prints planned vs achieved per group and phase with the runner's verdict and its cause.
 * Threads are rate / 20 (50 ms per request per thread). The machine's load is printed: on a shared machine
 * the achieved rates say as much about the neighbours as about JMeter.
 *   node --import tsx bench/rates.ts [--rates 500,2000,4000,8000] [--seconds 10] [--only rest,load,stress,spike]
 */
import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { analyzeJtl } from '../src/jtl/analyze.js';
import { eachSample } from '../src/jtl/each-sample.js';
import { planCatalogue } from '../src/plans/catalogue.js';
import { plansDir } from '../src/plans/paths.js';
import { RUN_DEFAULTS } from '../src/runner/options.js';
import { runPlan } from '../src/runner/pipeline.js';
import type { GroupRate } from '../src/runner/rate-check.js';
import { repoRoot } from '../src/runner/repo-root.js';
import { startTarget } from '../src/target/index.js';

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '500,2000,4000,8000' },
    seconds: { type: 'string', default: '10' },
    only: { type: 'string', default: 'rest,load,stress,spike' },
  },
});
const rates = values.rates.split(',').map(Number);
const seconds = Number(values.seconds);
const only = new Set(values.only.split(','));
const threadsFor = (rps: number): string => String(Math.max(1, Math.round(rps / 20)));

interface Case {
  readonly plan: string;
  readonly what: string;
  readonly properties: Record<string, string>;
}

function cases(): Case[] {
  const list: Case[] = [];
  const single = { DURATION: String(seconds), RAMP_UP: '1' };
  if (only.has('rest')) for (const r of rates) list.push({ plan: 'rest_api_baseline', what: `${r}/s`, properties: { ...single, TARGET_RPS: String(r), THREADS: threadsFor(r) } });
  if (only.has('load')) for (const r of rates) list.push({ plan: 'load_test', what: `${r}/s`, properties: { ...single, TARGET_RPS: String(r), THREADS: threadsFor(r) } });
  if (only.has('stress')) {
    // the phases step through the rates, then come back down; each lasts `seconds`
    const steps = [...rates, ...rates.slice(0, -1).reverse().slice(0, 2)];
    const props: Record<string, string> = { TIME_SCALE: String(seconds / 300), MAX_THREADS: '2000' };
    const keys = ['PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'PHASE5', 'PHASE6'];
    keys.forEach((k, i) => {
      const r = steps[Math.min(i, steps.length - 1)]!;
      Object.assign(props, { [`${k}_RPS`]: String(r), [`${k}_THREADS`]: threadsFor(r) });
    });
    Object.assign(props, { COOLDOWN_RPS: String(rates[0]), COOLDOWN_THREADS: threadsFor(rates[0]!) });
    list.push({ plan: 'stress_test', what: 'phases', properties: props });
  }
  if (only.has('spike')) {
    const base = rates[0]!;
    const peak = rates[rates.length - 1]!;
    list.push({
      plan: 'spike_test',
      what: `${base}→${peak}/s`,
      properties: { TIME_SCALE: String(seconds / 120), BASE_RPS: String(base), BASE_THREADS: threadsFor(base), PEAK_RPS: String(peak), PEAK_THREADS: threadsFor(peak) },
    });
  }
  return list;
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const row = (cells: readonly string[], widths: readonly number[]): string =>
  cells.map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();

const HEAD = ['plan', 'group/phase', 'target/s', 'achieved/s', 'off %', 'ran/planned s', 'JMeter cores', 'machine busy %', 'verdict'];
const WIDTHS = [26, 12, 9, 10, 7, 13, 12, 14, 20];

function line(plan: string, g: GroupRate): string {
  const a = g.achieved;
  return row(
    [
      plan,
      g.name,
      n(a?.plannedRps ?? g.planned.rps),
      a ? n(a.rps) : '-',
      g.offPct === undefined ? '-' : `${g.offPct >= 0 ? '+' : ''}${g.offPct.toFixed(1)}`,
      a ? `${a.durationS.toFixed(1)}/${g.planned.durationS}` : '-',
      a?.jmeterCores === undefined ? '-' : a.jmeterCores.toFixed(2),
      a?.machineBusyPct === undefined ? '-' : a.machineBusyPct.toFixed(0),
      g.verdict === 'ok' ? 'ok' : `${g.verdict}: ${g.cause ?? ''}`,
    ],
    WIDTHS,
  );
}

const root = repoRoot();
const out = mkdtempSync(join(tmpdir(), 'bench-rates-'));
const target = await startTarget({ port: 0, fastTimePort: 0, fastTestPort: 0 });
const loadBefore = loadavg()[0]!;
console.log(`rate benchmark: ${rates.join(', ')} req/s, ${seconds} s per run or phase, threads = rate / 20; load average ${loadBefore.toFixed(1)} on this machine`);
console.log(row(HEAD, WIDTHS));
// A machine this busy (JMeter and the in-process target share its 2 cores) queues both for CPU: saturated.
const SATURATED_BUSY_PCT = 85;
const tally = { free: 0, freeWithin5: 0, saturated: 0, saturatedWarned: 0 };
try {
  for (const c of cases()) {
    const outcome = await runPlan(
      {
        plan: c.plan,
        properties: new Map(Object.entries({ GATEWAY_URL: target.url, SERVER_ID: target.serverId, ...c.properties })),
        outDir: out,
        remoteHosts: [],
        progressIntervalS: 5,
        failFastS: RUN_DEFAULTS.failFastS,
      },
      {
        catalogue: { plans: planCatalogue, dir: plansDir() },
        analyze: async (jtl) => {
          const a = await analyzeJtl({ files: [jtl] });
          return { samples: a.total.count, errors: a.total.errors, json: {}, table: '' };
        },
        eachSample: async (jtl, onSample) => void (await eachSample(jtl, onSample)),
        env: { ...process.env, JMETER_TOKEN: target.token },
        cwd: root,
        profilesDir: join(root, 'properties'),
      },
    );
    for (const g of outcome.rates?.groups ?? []) {
      console.log(line(`${c.plan} ${c.what}`, g));
      if (g.offPct === undefined) continue;
      if ((g.achieved?.machineBusyPct ?? 0) >= SATURATED_BUSY_PCT) {
        tally.saturated += 1;
        if (g.verdict !== 'ok') tally.saturatedWarned += 1;
      } else {
        tally.free += 1;
        if (Math.abs(g.offPct) <= 5) tally.freeWithin5 += 1;
      }
    }
  }
} finally {
  await target.close();
  rmSync(out, { recursive: true, force: true });
}
console.log(
  `machine < ${SATURATED_BUSY_PCT} % busy: ${tally.freeWithin5} of ${tally.free} groups/phases within ±5 %; ` +
    `machine saturated: ${tally.saturated}, of which ${tally.saturatedWarned} more than 10 % off and warned about`,
);
console.log(`load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (2 cores)`);
