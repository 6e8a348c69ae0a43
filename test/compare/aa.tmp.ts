import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { noiseJtl } from './noise.js';
import { digestJtl } from '../../src/compare/digest.js';
import { compareRuns } from '../../src/compare/compare.js';
import { DEFAULT_COMPARE_OPTIONS } from '../../src/compare/types.js';
const dir = mkdtempSync(join(tmpdir(), 'cmp-aa-'));
const pairs = Number(process.argv[2] ?? 30), seconds = Number(process.argv[3] ?? 180), rate = Number(process.argv[4] ?? 100);
let failedPairs = 0; const byMetric: Record<string, number> = {};
for (let i = 0; i < pairs; i++) {
  const a = join(dir, 'a.csv'), b = join(dir, 'b.csv');
  writeFileSync(a, noiseJtl({ seed: 1000 + 2 * i, seconds, ratePerS: rate }));
  writeFileSync(b, noiseJtl({ seed: 1001 + 2 * i, seconds, ratePerS: rate }));
  const c = compareRuns((await digestJtl([a])).digest, (await digestJtl([b])).digest, { ...DEFAULT_COMPARE_OPTIONS, seed: i + 1, confidence: Number(process.env.CONF ?? 0.95) });
  const bad = c.findings.filter((f) => f.blocking && f.verdict === 'regressed');
  for (const r of c.model.rows) for (const m of r.metrics) if (m.verdict === 'regressed' || m.verdict === 'improved') byMetric[m.metric] = (byMetric[m.metric] ?? 0) + 1;
  if (bad.length) { failedPairs++; console.log(i, bad.map((f) => `${f.scope} ${f.subject} ${f.evidence}`).join(' | ')); }
}
console.log('false regression pairs', failedPairs, '/', pairs, 'changes by metric (both directions)', byMetric);
rmSync(dir, { recursive: true });
