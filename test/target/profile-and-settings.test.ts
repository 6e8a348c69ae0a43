import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { modelledSettings } from '../../src/target/settings.js';
import { repo } from '../runner/helpers.js';
import { startJtlTarget, type TargetProcess } from './target-process.js';

/** `jtl target --profile` names the modelled gateway release; `--set NAME=VALUE` takes the gateway's own setting names. */
describe('jtl target --profile and --set', () => {
  let target: TargetProcess | undefined;
  beforeAll(async () => {
    target = await startJtlTarget(['--set', 'LEGACY_API_ENABLED=false', '--set', 'ENABLE_METRICS=false']);
  });
  afterAll(async () => target?.stop());

  it('prints the modelled release and the settings, and answers as the gateway with them', async () => {
    const t = target!;
    expect(t.banner).toMatch(/^models\s+ContextForge 1\.1\.0 \(--profile contextforge-1\.1\.0, LEGACY_API_ENABLED=false ENABLE_METRICS=false\)$/m);
    const auth = { authorization: `Bearer ${t.token}` };
    expect((await fetch(`${t.url}/tools`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${t.url}/v1/tools`, { headers: auth })).status).toBe(200);
    const metrics = await fetch(`${t.url}/metrics/prometheus`, { headers: auth });
    expect(metrics.status).toBe(503);
    expect(await metrics.text()).toBe('{"error": "Metrics collection is disabled"}');
    const version = await (await fetch(`${t.url}/v1/version`, { headers: auth })).json();
    expect(version.app).toEqual({ name: 'ContextForge', version: '1.1.0', mcp_protocol_version: '2025-11-25' });
  });

  const refuse = async (args: readonly string[]) =>
    execa(process.execPath, ['--import', 'tsx', 'test/fixtures/runner/jtl-entry.ts', 'target', '--port', '0', '--no-test-servers', ...args], {
      cwd: repo,
      reject: false,
      timeout: 30_000,
      env: { JMETER_TOKEN: 'unused-token-0123456789' },
    });

  it('refuses a setting it does not model, a bad value and an unknown profile with exit 2 and one line', async () => {
    const unknown = await refuse(['--set', 'NOPE=1']);
    expect(unknown.exitCode).toBe(2);
    expect(modelledSettings()).toEqual(expect.arrayContaining(['LEGACY_API_ENABLED', 'ENABLE_METRICS', 'USE_STATEFUL_SESSIONS']));
    expect(unknown.stderr.trim()).toBe(`jtl: error TARGET_UNKNOWN_SETTING the stand-in does not model the gateway setting NOPE (it models ${modelledSettings().join(', ')})`);
    const bad = await refuse(['--set', 'LEGACY_API_ENABLED=maybe']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.trim()).toBe('jtl: error TARGET_BAD_SETTING LEGACY_API_ENABLED=maybe: expected true or false');
    const profile = await refuse(['--profile', 'contextforge-9']);
    expect(profile.exitCode).toBe(2);
    expect(profile.stderr).toMatch(/'contextforge-9' is invalid\. Allowed choices are contextforge-1\.1\.0/);
  });
});
