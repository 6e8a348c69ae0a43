import { describe, expect, it } from 'vitest';

import { aimAtGateway, type ProvidedGateway } from '../../src/runner/provided-gateway.js';
import type { RunRequest } from '../../src/runner/types.js';

const gateway: ProvidedGateway = {
  url: 'http://127.0.0.1:41001',
  serverId: 'srv-1',
  fastTimeUrl: 'http://127.0.0.1:41002',
  fastTestUrl: 'http://127.0.0.1:41003',
  adminEmail: 'admin@example.com',
  token: 'fresh-token',
  adminPassword: 'fresh-password',
};

const request = (properties: Array<[string, string]>): RunRequest => ({
  plan: 'rest_api_baseline',
  properties: new Map(properties),
  outDir: 'results',
  remoteHosts: [],
  progressIntervalS: 5,
  failFastS: 10,
});

describe('aimAtGateway: a run aimed at a gateway its caller started', () => {
  it('the gateway URLs become plan properties; -J values given by the user win', () => {
    const aimed = aimAtGateway(request([['THREADS', '2'], ['SERVER_ID', 'mine']]), {}, gateway);
    expect([...aimed.request.properties]).toEqual([
      ['GATEWAY_URL', 'http://127.0.0.1:41001'],
      ['SERVER_ID', 'mine'],
      ['FAST_TIME_URL', 'http://127.0.0.1:41002'],
      ['FAST_TEST_URL', 'http://127.0.0.1:41003'],
      ['ADMIN_EMAIL', 'admin@example.com'],
      ['THREADS', '2'],
    ]);
  });

  it('the secrets go to the environment the runner reads them from, replacing any other token source, never to properties', () => {
    const aimed = aimAtGateway(request([]), { PATH: '/bin', MCPGATEWAY_BEARER_TOKEN: 'old', JMETER_TOKEN: 'old' }, gateway);
    expect(aimed.env).toEqual({ PATH: '/bin', JMETER_TOKEN: 'fresh-token', JMETER_ADMIN_PASSWORD: 'fresh-password' });
    expect([...aimed.request.properties.values()]).not.toContain('fresh-token');
    expect([...aimed.request.properties.values()]).not.toContain('fresh-password');
  });
});
