import { describe, expect, it } from 'vitest';

import { failedChecks, preflight } from '../../src/preflight/index.js';
import type { HostFacts, PlanLoad, PreflightCheck } from '../../src/preflight/types.js';

/** A well-tuned host with the target elsewhere: every check passes for 2,000 connections. */
const tuned: HostFacts = {
  openFiles: { soft: 65536, hard: 65536 },
  portRange: [1024, 65535],
  tcpTwReuse: 1,
  somaxconn: 4096,
  tcpMaxSynBacklog: 4096,
  memAvailableMb: 16_000,
  java: { found: true, major: 17, version: '17.0.15' },
  cpus: 8,
  targets: [{ property: 'GATEWAY_URL', url: 'https://gw.example:8443', local: false }],
};
const load = (threads: number): PlanLoad => ({ plan: 'stress_test', peakThreads: threads, peakConnections: threads, basis: `THREADS=${threads}` });
const check = (checks: readonly PreflightCheck[], id: PreflightCheck['id']): PreflightCheck => {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('preflight decisions from literal facts', () => {
  it('a tuned host passes everything; backlogs of a remote gateway are a note for its host', () => {
    const r = preflight(load(2000), tuned, { HEAP: '-Xmx4g' });
    expect(failedChecks(r)).toEqual([]);
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['open-files', 'ok'],
      ['ephemeral-ports', 'ok'],
      ['tcp-tw-reuse', 'ok'],
      ['somaxconn', 'note'],
      ['syn-backlog', 'note'],
      ['heap', 'ok'],
      ['memory', 'ok'],
      ['java', 'ok'],
      ['same-host', 'ok'],
    ]);
    expect(check(r.checks, 'somaxconn').why).toBe('applies on the gateway host (the target is elsewhere): check it there');
  });

  it('soft limit below the need, hard limit above: flagged with ulimit -n N, not failed (Java lifts its soft limit)', () => {
    const c = check(preflight(load(2000), { ...tuned, openFiles: { soft: 1024, hard: 1_048_576 } }, {}).checks, 'open-files');
    expect(c).toMatchObject({ status: 'note', current: '1,024 / 1,048,576', recommended: '≥ 5,024' });
    expect(c.fix).toMatch(/^ulimit -n 5024 /);
    expect(c.why).toBe('2 × 2,000 connections (sockets closing while new ones open) + 1,024 for JMeter itself; Java raises its soft limit to the hard one at start');
  });

  it('the hard limit too low as well → prlimit / limits.conf, not ulimit', () => {
    const c = check(preflight(load(4), { ...tuned, openFiles: { soft: 256, hard: 256 } }, {}).checks, 'open-files');
    expect(c).toMatchObject({ status: 'fail', current: '256 / 256', recommended: '≥ 1,032' });
    expect(c.fix).toMatch(/^sudo prlimit --pid \$\$ --nofile=1032:1032 .*\/etc\/security\/limits\.conf/);
  });

  it('unlimited counts as enough', () => {
    expect(check(preflight(load(5000), { ...tuned, openFiles: { soft: 'unlimited', hard: 'unlimited' } }, {}).checks, 'open-files').status).toBe('ok');
  });

  it('a small port range for many connections, with the sysctl that widens it', () => {
    const c = check(preflight(load(20_000), { ...tuned, portRange: [32768, 60999] }, {}).checks, 'ephemeral-ports');
    expect(c).toMatchObject({ status: 'fail', current: '32768 60999 (28,232 ports)', recommended: '1024 65535' });
    expect(c.fix).toBe('sudo sysctl -w net.ipv4.ip_local_port_range="1024 65535"');
  });

  it('tcp_tw_reuse: 2 is enough on loopback, not for a remote gateway; small runs do not need it', () => {
    const local = { ...tuned, tcpTwReuse: 2, targets: [{ property: 'GATEWAY_URL', url: 'http://127.0.0.1:4444', local: true }] };
    expect(check(preflight(load(2000), local, {}).checks, 'tcp-tw-reuse').status).toBe('ok');
    const remote = check(preflight(load(2000), { ...tuned, tcpTwReuse: 2 }, {}).checks, 'tcp-tw-reuse');
    expect(remote).toMatchObject({ status: 'fail', current: '2 (loopback only)', recommended: '1', fix: 'sudo sysctl -w net.ipv4.tcp_tw_reuse=1' });
    expect(check(preflight(load(50), { ...tuned, tcpTwReuse: 0 }, {}).checks, 'tcp-tw-reuse').status).toBe('ok');
  });

  it('backlogs below the connection count fail when the gateway is on this host', () => {
    const here = { ...tuned, somaxconn: 128, tcpMaxSynBacklog: 512, targets: [{ property: 'GATEWAY_URL', url: 'http://localhost:4444', local: true }] };
    const r = preflight(load(1000), here, {});
    expect(check(r.checks, 'somaxconn')).toMatchObject({ status: 'fail', current: '128', recommended: '≥ 1,000', fix: 'sudo sysctl -w net.core.somaxconn=1000' });
    expect(check(r.checks, 'syn-backlog')).toMatchObject({ status: 'fail', fix: 'sudo sysctl -w net.ipv4.tcp_max_syn_backlog=1000' });
    expect(check(r.checks, 'same-host')).toMatchObject({ status: 'note', current: 'yes: http://localhost:4444', why: "JMeter and the gateway share 8 CPUs: latencies include JMeter's own load" });
  });

  it('heap: raised automatically without HEAP; a user HEAP too small for the threads fails with the export', () => {
    const auto = preflight(load(2000), tuned, {});
    expect(auto.heap).toEqual({ configured: { xmxMb: 1024, source: 'default' }, recommendedMb: 2560, effectiveMb: 2560, raisedHeap: '-Xms1g -Xmx2560m -XX:MaxMetaspaceSize=256m' });
    expect(check(auto.checks, 'heap')).toMatchObject({ status: 'ok', current: "1g (bin/jmeter's default) → raised to 2560m for this run" });
    const user = preflight(load(2000), tuned, { HEAP: '-Xms1g -Xmx1g' });
    expect(user.heap.raisedHeap).toBeUndefined();
    expect(check(user.checks, 'heap')).toMatchObject({ status: 'fail', current: '1g (HEAP)', fix: 'export HEAP="-Xms1g -Xmx2560m -XX:MaxMetaspaceSize=256m"   # or unset HEAP and let jtl choose' });
    const jvmArgs = preflight(load(2000), tuned, { HEAP: '-Xmx8g', JVM_ARGS: '-Dx=1 -Xmx512m' });
    expect(check(jvmArgs.checks, 'heap')).toMatchObject({ status: 'fail', current: '512m (JVM_ARGS)', fix: 'change -Xmx in JVM_ARGS to -Xmx2560m' });
    expect(check(preflight(load(4), tuned, { HEAP: '-Xms64m -Xmx256m' }).checks, 'heap').status).toBe('ok');
    expect(preflight(load(100), tuned, {}).heap.raisedHeap).toBeUndefined();
  });

  it('memory below heap + JVM + stacks fails', () => {
    const c = check(preflight(load(2000), { ...tuned, memAvailableMb: 3000 }, {}).checks, 'memory');
    expect(c).toMatchObject({ status: 'fail', current: '3,000 MiB', recommended: '≥ 5,072 MiB', why: 'heap 2560m + 512 MiB JVM + 2,000 thread stacks' });
  });

  it('Java: too old or missing fails; unreadable is unknown and does not fail', () => {
    expect(check(preflight(load(4), { ...tuned, java: { found: true, major: 11, version: '11.0.2' } }, {}).checks, 'java').status).toBe('fail');
    expect(check(preflight(load(4), { ...tuned, java: { found: false, bin: 'java' } }, {}).checks, 'java')).toMatchObject({ status: 'fail', current: 'not found (java)' });
    const { java: _java, ...noJava } = tuned;
    expect(check(preflight(load(4), noJava, {}).checks, 'java')).toMatchObject({ status: 'unknown', current: 'unknown' });
  });

  it('nothing readable: every host value is "unknown", nothing is guessed, nothing fails', () => {
    const r = preflight(load(2000), { targets: [{ property: 'GATEWAY_URL', url: 'http://gw.invalid' }] }, { HEAP: '-Xmx4g' });
    expect(r.checks.filter((c) => c.id !== 'heap').map((c) => c.status)).toEqual(Array(8).fill('unknown'));
    expect(r.checks.filter((c) => c.status === 'unknown').every((c) => c.current.startsWith('unknown'))).toBe(true);
    expect(failedChecks(r)).toEqual([]);
  });
});
