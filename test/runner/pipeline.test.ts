import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { analyzeJtl } from '../../src/jtl/analyze.js';
import { normalizeRunOptions } from '../../src/runner/options.js';
import { defaultRunSteps, runPlan, type AnalyzeJtl, type RunStep } from '../../src/runner/pipeline.js';
import type { RunEvent } from '../../src/runner/types.js';
import { healthPlan, repo, scratchDir, SMALL_HEAP } from './helpers.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';
import { killProcessesMentioning } from './proc.js';

const scratch = scratchDir('pipeline');
let target: LoopbackServer;
beforeAll(async () => (target = await startLoopbackServer()));
afterEach(() => void killProcessesMentioning(scratch));
afterAll(async () => {
  await target.close();
  rmSync(scratch, { recursive: true, force: true });
});

const analyze: AnalyzeJtl = async (jtl) => {
  const a = await analyzeJtl({ files: [jtl] });
  return { samples: a.total.count, errors: a.total.errors, json: { samples: a.total.count }, table: '' };
};

describe('runPlan: a sequence of steps with live checks (the plug points for SLAs and reports)', () => {
  it('a live check that reports a breach stops JMeter gracefully; an extra step sees the analysis', async () => {
    const request = normalizeRunOptions(healthPlan, { out: join(scratch, 'out'), gatewayUrl: target.url, duration: '60', threads: '2' });
    const events: RunEvent[] = [];
    const seenByStep: number[] = [];
    const slaStep: RunStep = {
      name: 'sla',
      run: async (ctx) => {
        seenByStep.push(ctx.analysis?.samples ?? -1);
        return { warnings: [...ctx.warnings, 'sla step ran'] };
      },
    };
    const steps = [...defaultRunSteps.slice(0, 2), slaStep, ...defaultRunSteps.slice(2)];
    const started = Date.now();
    const outcome = await runPlan(
      request,
      {
        catalogue: { plans: [], dir: join(repo, 'plans') },
        analyze,
        env: { ...process.env, HEAP: SMALL_HEAP },
        cwd: repo,
        profilesDir: join(repo, 'properties'),
        liveChecks: [(p) => (p.samples > 0 ? `p95 breached after ${p.samples} samples` : undefined)],
        onEvent: (e) => events.push(e),
      },
      steps,
    );
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(outcome.failure).toBeUndefined();
    expect(outcome.stopReason).toMatch(/^p95 breached after \d+ samples$/);
    expect(outcome.exit).toMatchObject({ stoppedWith: 'Shutdown', exitCode: 0 });
    expect(seenByStep).toEqual([outcome.analysis?.samples]);
    expect(outcome.summary.warnings).toContain('sla step ran');
    expect(outcome.summary.warnings).toContainEqual(expect.stringMatching(/^stopping the run: p95 breached/));
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['started', 'progress', 'stopping']));
  });
});
