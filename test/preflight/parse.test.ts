import { describe, expect, it } from 'vitest';

import { jmxLoad, catalogueLoad } from '../../src/preflight/concurrency.js';
import { heapSetting, parseXmxMb } from '../../src/preflight/heap.js';
import { parseJavaVersion, parseMemAvailableMb, parseOpenFiles, parsePortRange, parseSysctlNumber } from '../../src/preflight/parse-facts.js';

describe('reading host facts from their text', () => {
  it('/proc/self/limits', () => {
    const text = 'Limit                     Soft Limit           Hard Limit           Units     \nMax open files            1024                 unlimited            files     \n';
    expect(parseOpenFiles(text)).toEqual({ soft: 1024, hard: 'unlimited' });
    expect(parseOpenFiles('Max processes 1 1 processes\n')).toBeUndefined();
  });
  it('/proc/sys values and meminfo', () => {
    expect(parsePortRange('32768\t60999\n')).toEqual([32768, 60999]);
    expect(parsePortRange('garbage')).toBeUndefined();
    expect(parseSysctlNumber('4096\n')).toBe(4096);
    expect(parseSysctlNumber('')).toBeUndefined();
    expect(parseMemAvailableMb('MemTotal:  100 kB\nMemAvailable:   21936720 kB\n')).toBe(21422);
    expect(parseMemAvailableMb('MemTotal:  100 kB\n')).toBeUndefined();
  });
  it('java -version, old and new numbering', () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toEqual({ major: 17, version: '17.0.15' });
    expect(parseJavaVersion('java version "1.8.0_392"')).toEqual({ major: 8, version: '1.8.0_392' });
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toEqual({ major: 21, version: '21' });
    expect(parseJavaVersion('bash: java: not found')).toBeUndefined();
  });
  it('-Xmx in HEAP and JVM_ARGS: the last wins, JVM_ARGS over HEAP', () => {
    expect(parseXmxMb('-Xms1g -Xmx1g -XX:MaxMetaspaceSize=256m')).toBe(1024);
    expect(parseXmxMb('-Xmx512m -Xmx3G')).toBe(3072);
    expect(parseXmxMb('-Xmx1073741824')).toBe(1024);
    expect(parseXmxMb('-Xms2g')).toBeUndefined();
    expect(heapSetting({ HEAP: '-Xmx4g', JVM_ARGS: '-Xmx2g' })).toEqual({ xmxMb: 2048, source: 'JVM_ARGS' });
    expect(heapSetting({ HEAP: '-Xmx4g' })).toEqual({ xmxMb: 4096, source: 'HEAP' });
    expect(heapSetting({ HEAP: '' })).toEqual({ xmxMb: 1024, source: 'default' });
  });
});

describe('peak threads from the plan and its properties', () => {
  const props = (entries: Record<string, string>) => new Map(Object.entries(entries));
  it('catalogue plans read the properties their thread groups read', () => {
    expect(catalogueLoad('rest_api_baseline', props({}))?.peakThreads).toBe(100);
    expect(catalogueLoad('rest_api_baseline', props({ THREADS: '7' }))).toEqual({ plan: 'rest_api_baseline', peakThreads: 7, peakConnections: 7, basis: 'THREADS=7' });
    expect(catalogueLoad('mcp_test_servers_baseline', props({ THREADS: '3' }))?.peakThreads).toBe(6);
    expect(catalogueLoad('sse_streaming_baseline', props({ CONNECTIONS: '1000', HEALTH_THREADS: '10' }))?.basis).toBe('CONNECTIONS=1,000 + HEALTH_THREADS=10');
    expect(catalogueLoad('stress_test', props({}))).toMatchObject({ peakThreads: 2000, basis: 'largest phase PHASE6_THREADS=2,000' });
    expect(catalogueLoad('stress_test', props({ PHASE6_THREADS: '5000', MAX_THREADS: '3000' }))).toMatchObject({ peakThreads: 3000, basis: 'PHASE6_THREADS=5,000 capped by MAX_THREADS=3,000' });
    expect(catalogueLoad('spike_test', props({ BASE_THREADS: '2', PEAK_THREADS: '4', MAX_THREADS: '4' }))?.peakThreads).toBe(4);
    expect(catalogueLoad('admin_ui_baseline', props({ USERS: '2' }))?.peakThreads).toBe(2);
    expect(catalogueLoad('my_plan', props({}))).toBeUndefined();
  });
  it('a foreign .jmx: literal and ${__P()} counts add up, serialized groups take the largest, computed ones are unknown', () => {
    const group = (n: string) => `<ThreadGroup><stringProp name="ThreadGroup.num_threads">${n}</stringProp></ThreadGroup>`;
    expect(jmxLoad('x', group('${__P(USERS,20)}') + group('5'), props({ USERS: '30' }))).toEqual({ plan: 'x', peakThreads: 35, peakConnections: 35, basis: '2 thread groups: 30 + 5' });
    expect(jmxLoad('x', '<boolProp name="TestPlan.serialize_threadgroups">true</boolProp>' + group('10') + group('40'), props({})).peakThreads).toBe(40);
    expect(jmxLoad('x', group('${N}'), props({}))).toEqual({ plan: 'x', basis: 'a thread count is computed inside the plan' });
  });
});
