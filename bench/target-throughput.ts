/**
 * Is the embedded target fast enough not to be the bottleneck? JMeter drives it on loopback (REST lists, /health and
 * MCP tools/list) for a bounded time; prints the achieved rate and the CPU both sides spent per 10,000 requests.
 * The target runs in this process (process.cpuUsage); JMeter's CPU comes from /proc/<pid>/stat.
 *   node --import tsx bench/target-throughput.ts [--seconds 15] [--threads 32] [--admin]
 * --admin drives the admin UI's heavy pages instead: the 728 KB dashboard, a 49 KB partial and a JSON list.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';

import { headerManager, httpDefaults, httpSampler, prop, renderJmx, testPlan, threadGroup, toNode } from '../src/jmx/index.js';
import { startTarget } from '../src/target/index.js';
import { jmeterBin } from '../test/jmx/jmeter-home.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 15);
const threads = arg('threads', 32);
const admin = process.argv.includes('--admin');

const apiSamplers = [
  httpSampler('GET /health', { method: 'GET', path: '/health' }),
  httpSampler('GET /tools', { method: 'GET', path: '/tools' }),
  httpSampler('MCP tools/list', { method: 'POST', path: '/servers/${__P(SERVER_ID)}/mcp', body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' }),
];
const adminSamplers = [
  httpSampler('GET /admin/', { method: 'GET', path: '/admin/' }),
  httpSampler('HTMX /admin/tools/partial', { method: 'GET', path: '/admin/tools/partial?page=1' }),
  httpSampler('GET /admin/tools', { method: 'GET', path: '/admin/tools' }),
];

const plan = testPlan('target throughput', [
  threadGroup('drive the target', { threads: prop('THREADS', 32), rampUpS: 1, durationS: prop('DURATION', 15) }, [
    httpDefaults({ protocol: 'http', domain: '127.0.0.1', port: prop('PORT', 4444) }),
    headerManager([
      ['Authorization', 'Bearer ${__P(TOKEN)}'],
      ['Content-Type', 'application/json'],
      ['Accept', admin ? 'text/html' : 'application/json, text/event-stream'],
    ]),
    ...(admin ? adminSamplers : apiSamplers),
  ]),
]);

/** utime + stime of a process, in ms (clock ticks are 100 Hz on Linux). */
const cpuMsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'target-bench-'));
  const target = await startTarget({ fastTimePort: null, fastTestPort: null });
  try {
    writeFileSync(join(dir, 'plan.jmx'), renderJmx(toNode(plan)));
    const props = join(dir, 'run.properties');
    writeFileSync(props, `PORT=${target.port}\nTOKEN=${target.token}\nSERVER_ID=${target.serverId}\nTHREADS=${threads}\nDURATION=${seconds}\n`, { mode: 0o600 });
    const before = process.cpuUsage();
    const requestsBefore = target.requestCount();
    const child = execa(jmeterBin(), ['-n', '-t', join(dir, 'plan.jmx'), '-l', join(dir, 'out.jtl'), '-j', join(dir, 'jmeter.log'), '-q', props], { reject: false });
    let jmeterCpuMs = 0;
    const sampler = setInterval(() => {
      try {
        jmeterCpuMs = Math.max(jmeterCpuMs, ...childJavaPids(child.pid!).map(cpuMsOf));
      } catch {
        // the JVM has exited
      }
    }, 200);
    await child;
    clearInterval(sampler);
    const used = process.cpuUsage(before);
    const requests = target.requestCount() - requestsBefore;
    const targetCpuMs = (used.user + used.system) / 1000;
    const per10k = (ms: number) => ((ms / requests) * 10_000).toFixed(0);
    console.log(`JMeter ${threads} threads for ${seconds} s against the embedded target on loopback (2 cores shared)${admin ? ': admin pages' : ''}`);
    console.log(`requests answered        ${requests} (${(requests / seconds).toFixed(0)} req/s)`);
    console.log(`target CPU per 10k req   ${per10k(targetCpuMs)} ms`);
    console.log(`JMeter CPU per 10k req   ${per10k(jmeterCpuMs)} ms`);
    console.log(`target / JMeter CPU      ${(targetCpuMs / jmeterCpuMs).toFixed(2)}  (below 1: JMeter, not the target, is the heavier side)`);
  } finally {
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The JVM is bin/jmeter's exec'd process itself, or (official script) its child. */
function childJavaPids(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children];
}

await main();
