import { describe, expect, it } from 'vitest';

import { buildJmeterArgs } from '../../src/runner/args.js';

const spec = {
  planPath: '/r/p.jmx',
  jtlPath: '/r/results.jtl',
  logPath: '/r/jmeter.log',
  propertyFiles: ['/repo/properties/ci.properties', '/tmp/jtl-secret-x/secret.properties'],
  properties: new Map([
    ['GATEWAY_URL', 'http://127.0.0.1:4444'],
    ['THREADS', '3'],
  ]),
  remoteHosts: [],
  progressIntervalS: 5,
};

describe('buildJmeterArgs', () => {
  it('builds a non-GUI CSV run: property files (-q) before -J overrides, so overrides win', () => {
    expect(buildJmeterArgs(spec)).toEqual([
      '-n', '-t', '/r/p.jmx', '-l', '/r/results.jtl', '-j', '/r/jmeter.log',
      '-q', '/repo/properties/ci.properties', '-q', '/tmp/jtl-secret-x/secret.properties',
      '-Jjmeter.save.saveservice.output_format=csv', '-Jsummariser.name=summary', '-Jsummariser.interval=5',
      '-Jsummariser.out=true', '-JGATEWAY_URL=http://127.0.0.1:4444', '-JTHREADS=3',
    ]);
  });

  it('sends files and properties to remote engines with -G (files by path, so secrets stay off argv)', () => {
    const args = buildJmeterArgs({ ...spec, remoteHosts: ['127.0.0.1:1099', 'h2'] });
    expect(args.slice(args.indexOf('-R') - 1)).toEqual([
      '-Lorg.apache.jmeter.engine.ClientJMeterEngine=WARN',
      '-R', '127.0.0.1:1099,h2',
      '-G/repo/properties/ci.properties', '-G/tmp/jtl-secret-x/secret.properties',
      '-GGATEWAY_URL=http://127.0.0.1:4444', '-GTHREADS=3',
    ]);
  });

  it('hands the truststore\'s system properties over as a file (-S), never as -D values', () => {
    const args = buildJmeterArgs({ ...spec, systemPropertyFiles: ['/tmp/jtl-truststore-x/system.properties'] });
    expect(args.slice(args.indexOf('-S') - 2, args.indexOf('-S') + 2)).toEqual(['-q', '/tmp/jtl-secret-x/secret.properties', '-S', '/tmp/jtl-truststore-x/system.properties']);
    expect(args.some((a) => /^-D|trustStore/.test(a))).toBe(false);
  });

  it('never has a TOKEN assignment', () => {
    expect(buildJmeterArgs(spec).some((a) => /TOKEN/i.test(a))).toBe(false);
  });
});
