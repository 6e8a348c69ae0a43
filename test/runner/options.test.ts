import { describe, expect, it } from 'vitest';

import { ToolkitError } from '../../src/errors.js';
import { normalizeRunOptions, parseAssignment, parseDurationS } from '../../src/runner/options.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof ToolkitError ? e.code : 'not a ToolkitError';
  }
  return undefined;
};

describe('normalizeRunOptions', () => {
  it('maps the named options to plan properties, -J after them so -J wins', () => {
    const r = normalizeRunOptions('rest_api_baseline', {
      gatewayUrl: 'http://127.0.0.1:4444/',
      serverId: 'abc',
      duration: '2m',
      threads: '5',
      J: ['THREADS=7', 'QUERY=a=b', 'EMPTY='],
      profile: 'ci',
    });
    expect([...r.properties]).toEqual([
      ['GATEWAY_URL', 'http://127.0.0.1:4444'],
      ['SERVER_ID', 'abc'],
      ['DURATION', '120'],
      ['THREADS', '7'],
      ['QUERY', 'a=b'],
      ['EMPTY', ''],
    ]);
    expect(r).toMatchObject({ plan: 'rest_api_baseline', profile: 'ci', outDir: 'results', remoteHosts: [], progressIntervalS: 5 });
  });

  it('splits --remote into hosts', () => {
    expect(normalizeRunOptions('p', { remote: '10.0.0.1:1099, host-b' }).remoteHosts).toEqual(['10.0.0.1:1099', 'host-b']);
  });

  it.each([
    [{ profile: 'prod' }, 'CLI_BAD_PROFILE'],
    [{ J: ['THREADS'] }, 'CLI_BAD_PROPERTY'],
    [{ J: ['1X=2'] }, 'CLI_BAD_PROPERTY'],
    [{ J: ['TOKEN=abc'] }, 'CLI_SECRET_ON_COMMAND_LINE'],
    [{ J: ['ADMIN_PASSWORD=abc'] }, 'CLI_SECRET_ON_COMMAND_LINE'],
    [{ duration: '0' }, 'CLI_BAD_DURATION'],
    [{ duration: '1.5m' }, 'CLI_BAD_DURATION'],
    [{ threads: '-3' }, 'CLI_BAD_NUMBER'],
    [{ threads: 'ten' }, 'CLI_BAD_NUMBER'],
    [{ gatewayUrl: 'localhost:4444' }, 'CLI_BAD_URL'],
    [{ gatewayUrl: 'ftp://x' }, 'CLI_BAD_URL'],
    [{ remote: 'a,,b' }, 'CLI_BAD_REMOTE'],
    [{ tokenFile: '' }, 'CLI_EMPTY_OPTION'],
  ])('refuses %o with %s', (raw, code) => {
    expect(codeOf(() => normalizeRunOptions('p', raw))).toBe(code);
  });

  it('says which option is wrong and what is expected', () => {
    expect(() => normalizeRunOptions('p', { threads: 'ten' })).toThrow('--threads "ten": expected a positive whole number');
    expect(() => parseAssignment('TOKEN=x')).toThrow(/JMETER_TOKEN/);
  });

  it('reads durations with units', () => {
    expect([parseDurationS('90'), parseDurationS('90s'), parseDurationS('5m'), parseDurationS('1h')]).toEqual([90, 90, 300, 3600]);
  });
});

describe('--truststore / --insecure', () => {
  it('--insecure sets TLS_TRUST_ALL (the SSE client\'s switch); --truststore keeps its file and password file', () => {
    expect(normalizeRunOptions('p', { insecure: true }).properties.get('TLS_TRUST_ALL')).toBe('true');
    const r = normalizeRunOptions('p', { truststore: 'ca.pem', truststorePasswordFile: 'pass.txt' });
    expect(r.truststore).toEqual({ file: 'ca.pem', passwordFile: 'pass.txt' });
    expect(r.properties.has('TLS_TRUST_ALL')).toBe(false);
  });

  it.each([
    [{ truststore: 'ca.pem', insecure: true }, '--truststore and --insecure contradict each other: verify against the store, or accept any certificate'],
    [{ truststorePasswordFile: 'pass.txt' }, '--truststore-password-file needs --truststore <file>'],
    [{ truststore: 'ca.pem', remote: 'h1' }, "--truststore applies to a local JMeter only: set javax.net.ssl.trustStore in the remote engines' system.properties"],
  ])('%j is a usage error', (raw, message) => {
    expect(() => normalizeRunOptions('p', raw)).toThrow(message);
    expect(codeOf(() => normalizeRunOptions('p', raw))).toBe('CLI_BAD_TRUSTSTORE');
  });
});
