/**
 * How JMeter 5.6.3 can hold a request rate: the candidates for issue 10, each run on the generated
 * rest_api_baseline (REST mix) against the embedded target, same process, same rates:
 *   ctt-shared   Constant Throughput Timer, calcMode 4 (the plans before: whole-ms shared delay)
 *   ctt-paced    Constant Throughput Timer, calcMode 0: every thread paces itself at rate / threads
 *   precise      Precise Throughput Timer (Poisson schedule per thread group, anchored at test start)
 *   open-model   Open Model Thread Group, rate(R/sec) random_arrivals(D sec), no timer
 * Prints achieved req/s (over the part after a 2 s settle) and JMeter CPU seconds per 10,000 samples
 * (JVM start-up, measured by a one-sample run, subtracted).
 *   node --import tsx bench/rate-methods.ts [seconds=10] [rates=2000,6000]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { execa } from 'execa';

import { renderPlan } from '../src/plans/build.js';
import { PLAN_DEFINITIONS } from '../src/plans/definitions.js';
import { jmeterBin } from '../test/jmx/jmeter-home.js';
import { startTestGateway } from '../test/plans/gateway.js';

const seconds = Number(process.argv[2] ?? 10);
const rates = (process.argv[3] ?? '2000,6000').split(',').map(Number);
const SETTLE_S = 2;

const TIMER = /<ConstantThroughputTimer[\s\S]*?<\/ConstantThroughputTimer>\s*<hashTree\/>/;
const GROUP_OPEN = /<ThreadGroup guiclass="ThreadGroupGui" testclass="ThreadGroup" testname="REST mix">[\s\S]*?<\/ThreadGroup>/;

type Method = 'ctt-shared' | 'ctt-paced' | 'precise' | 'open-model';
const METHODS: readonly Method[] = ['ctt-shared', 'ctt-paced', 'precise', 'open-model'];

/** Threads for a closed-model method: 50 ms per request per thread, so pacing never waits on latency here. */
const threadsFor = (rate: number): number => Math.max(1, Math.round(rate / 20));

function variant(xml: string, method: Method, rate: number): string {
  const threads = threadsFor(rate);
  const withThreads = xml.replace('${__P(THREADS,100)}', String(threads));
  switch (method) {
    case 'ctt-shared':
      return withThreads;
    case 'ctt-paced':
      return withThreads.replace(TIMER, `<ConstantThroughputTimer guiclass="TestBeanGUI" testclass="ConstantThroughputTimer" testname="paced">
          <intProp name="calcMode">0</intProp>
          <doubleProp><name>throughput</name><value>${(rate * 60) / threads}</value><savedValue>0.0</savedValue></doubleProp>
        </ConstantThroughputTimer><hashTree/>`);
    case 'precise':
      return withThreads.replace(TIMER, `<PreciseThroughputTimer guiclass="TestBeanGUI" testclass="PreciseThroughputTimer" testname="precise">
          <doubleProp><name>throughput</name><value>${rate}</value><savedValue>0.0</savedValue></doubleProp>
          <intProp name="throughputPeriod">1</intProp>
          <longProp name="duration">${seconds}</longProp>
          <intProp name="batchSize">1</intProp>
          <intProp name="batchThreadDelay">0</intProp>
          <longProp name="randomSeed">0</longProp>
        </PreciseThroughputTimer><hashTree/>`);
    case 'open-model':
      return withThreads.replace(TIMER, '').replace(GROUP_OPEN, `<OpenModelThreadGroup guiclass="OpenModelThreadGroupGui" testclass="OpenModelThreadGroup" testname="REST mix">
        <elementProp name="ThreadGroup.main_controller" elementType="OpenModelThreadGroupController"/>
        <stringProp name="ThreadGroup.on_sample_error">continue</stringProp>
        <stringProp name="OpenModelThreadGroup.schedule">rate(${rate}/sec) random_arrivals(${seconds} sec)</stringProp>
      </OpenModelThreadGroup>`);
  }
}

interface Result {
  readonly cpuS: number;
  readonly samples: number;
  readonly errors: number;
  readonly achieved: number;
}

async function run(dir: string, name: string, xml: string, props: string): Promise<Result> {
  const plan = join(dir, `${name}.jmx`);
  const jtl = join(dir, `${name}.jtl`);
  writeFileSync(plan, xml);
  const r = await execa('/usr/bin/time', ['-f', 'CPU %U %S', jmeterBin(), '-n', '-t', plan, '-l', jtl, '-j', join(dir, `${name}.log`), '-q', props], { reject: false, cwd: dir });
  const m = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (r.exitCode !== 0 || !m) throw new Error(`${name}: JMeter failed (exit ${r.exitCode}): ${r.stderr.slice(-400)}`);
  const rows = parse(readFileSync(jtl, 'utf8'), { columns: true, relax_column_count: true }) as { timeStamp: string; success: string }[];
  const stamps = rows.map((row) => Number(row.timeStamp));
  const start = stamps.reduce((a, b) => Math.min(a, b), Infinity);
  const from = start + SETTLE_S * 1000;
  const to = start + seconds * 1000;
  const inWindow = stamps.filter((t) => t >= from && t < to).length;
  const errors = rows.filter((row) => row.success !== 'true').length;
  return { cpuS: Number(m[1]) + Number(m[2]), samples: stamps.length, errors, achieved: inWindow / (seconds - SETTLE_S) };
}

const gateway = await startTestGateway();
const dir = mkdtempSync(join(tmpdir(), 'rate-methods-'));
try {
  const base = renderPlan('rest_api_baseline', PLAN_DEFINITIONS.rest_api_baseline!);
  const propsFile = (name: string, extra: Record<string, string>): string => {
    const file = join(dir, `${name}.properties`);
    writeFileSync(file, Object.entries({ ...gateway.properties, RAMP_UP: '0', ...extra }).map(([k, v]) => `${k}=${v}`).join('\n'), { mode: 0o600 });
    return file;
  };
  const idle = await run(dir, 'idle', base.replace('${__P(THREADS,100)}', '1'), propsFile('idle', { DURATION: '1', TARGET_RPS: '1' }));
  console.log(`JVM start-up (1-sample run): ${idle.cpuS.toFixed(2)} CPU s, subtracted below; ${seconds} s per run, rate measured after ${SETTLE_S} s`);
  console.log('method       target/s  achieved/s   off %   samples   CPU s / 10k samples   errors');
  for (const rate of rates) {
    const props = propsFile(`r${rate}`, { DURATION: String(seconds), TARGET_RPS: String(rate) });
    for (const method of METHODS) {
      const r = await run(dir, `${method}-${rate}`, variant(base, method, rate), props);
      const off = ((r.achieved - rate) / rate) * 100;
      const per10k = ((r.cpuS - idle.cpuS) / r.samples) * 10_000;
      console.log(`${method.padEnd(12)} ${String(rate).padStart(8)}  ${r.achieved.toFixed(0).padStart(10)}  ${off.toFixed(1).padStart(6)}  ${String(r.samples).padStart(8)}   ${per10k.toFixed(2).padStart(6)}   ${r.errors}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await gateway.close();
}
