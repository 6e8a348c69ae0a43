import { describe, expect, it } from 'vitest';

import { resolvePath } from '../../src/target/paths.js';

/** Where ContextForge 1.1.0 serves a path (the conformance cases check the same against the real gateway). */
describe('resolvePath', () => {
  const id = '5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b';
  it.each([
    // path, LEGACY_API_ENABLED, → route path and legacy alias, or undefined (404)
    ['/v1/tools', true, { path: '/tools', legacy: false }],
    ['/tools', true, { path: '/tools', legacy: true }],
    ['/tools', false, undefined],
    ['/v1/tools', false, { path: '/tools', legacy: false }],
    ['/version', true, { path: '/version', legacy: false }],
    ['/version', false, undefined],
    ['/api/metrics/stats', true, { path: '/api/metrics/stats', legacy: false }],
    ['/health', true, { path: '/health', legacy: false }],
    ['/health', false, { path: '/health', legacy: false }],
    ['/v1/health', true, undefined],
    ['/v1/ready', true, undefined],
    ['/v1/health/security', true, undefined],
    ['/metrics/prometheus', true, { path: '/metrics/prometheus', legacy: true }],
    ['/metrics/prometheus', false, { path: '/metrics/prometheus', legacy: false }],
    ['/v1/metrics/prometheus', true, undefined],
    [`/servers/${id}/mcp`, true, { path: `/servers/${id}/mcp`, legacy: true }],
    [`/servers/${id}/mcp`, false, { path: `/servers/${id}/mcp`, legacy: false }],
    [`/v1/servers/${id}/mcp`, true, undefined],
    [`/v1/servers/${id}/sse`, false, { path: `/servers/${id}/sse`, legacy: false }],
    [`/servers/${id}/sse`, false, undefined],
    ['/rpc', false, { path: '/rpc', legacy: false }],
    ['/v1/rpc', true, undefined],
    ['/admin/', true, { path: '/admin/', legacy: true }],
    ['/v1/admin', false, { path: '/admin', legacy: false }],
    ['/', false, { path: '/', legacy: false }],
    ['/v1/', true, undefined],
    ['/v1', true, undefined],
    ['/toolsx', true, { path: '/toolsx', legacy: false }],
  ] as const)('%s with LEGACY_API_ENABLED=%s', (path, legacyApi, expected) => {
    expect(resolvePath(path, legacyApi)).toEqual(expected);
  });
});
