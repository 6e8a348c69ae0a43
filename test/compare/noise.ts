import { seededRandom } from '../../src/stats/random.js';
import { HEADER } from '../jtl/generate.js';

export interface NoiseLabel {
  readonly name: string;
  readonly medianMs: number;
  /** Lognormal shape: 0.3 narrow, 0.8 long-tailed. */
  readonly sigma: number;
}

export interface NoiseOptions {
  readonly seed: number;
  readonly seconds: number;
  readonly ratePerS: number;
  readonly labels?: readonly NoiseLabel[];
  /** Share of failed samples outside slow periods (default 1 %). */
  readonly errorRate?: number;
  /** Multiply one label's times (an A/B shift) or set its error rate. */
  readonly shift?: { readonly label: string; readonly factor?: number; readonly errorRate?: number };
  readonly startMs?: number;
  /** No slow periods: independent samples only (default false). */
  readonly calm?: boolean;
}

export const NOISE_LABELS: readonly NoiseLabel[] = [
  { name: 'GET /tools', medianMs: 40, sigma: 0.45 },
  { name: 'MCP tools/call', medianMs: 120, sigma: 0.6 },
  { name: 'MCP tools/list', medianMs: 25, sigma: 0.35 },
  { name: 'GET /health', medianMs: 6, sigma: 0.5 },
];

/**
 * A noise-only CSV JTL: lognormal response times per label, slow periods that come and go (a two-state Markov
 * chain per second: ~4 % of seconds start one, it lasts ~3 s and multiplies every time by 1.5–2.5 and the error
 * rate by 3), 1 % errors otherwise. Two calls with different seeds are two runs of the same system.
 */
export function noiseJtl(o: NoiseOptions): string {
  const random = seededRandom(o.seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const labels = o.labels ?? NOISE_LABELS;
  const lines = [HEADER];
  const start = o.startMs ?? 1_795_000_000_000;
  let slow = 1;
  for (let s = 0; s < o.seconds; s++) {
    if (o.calm) slow = 1;
    else if (slow === 1 && random() < 0.04) slow = 1.5 + random();
    else if (slow !== 1 && random() < 0.33) slow = 1;
    const n = Math.round(o.ratePerS * (0.9 + 0.2 * random()));
    for (let k = 0; k < n; k++) {
      const label = labels[Math.floor(random() * labels.length)]!;
      const shifted = o.shift?.label === label.name ? o.shift : undefined;
      const elapsed = Math.round(label.medianMs * Math.exp(label.sigma * gaussian()) * slow * (shifted?.factor ?? 1));
      const errorRate = (shifted?.errorRate ?? o.errorRate ?? 0.01) * (slow === 1 ? 1 : 3);
      const ok = random() >= errorRate;
      const ts = start + s * 1000 + Math.floor((k * 1000) / n);
      lines.push(`${ts},${elapsed},${label.name},${ok ? 200 : 503},${ok ? 'OK' : 'Service Unavailable'},tg 1-1,text,${ok},,512,128,8,8,http://127.0.0.1/x,${Math.floor(elapsed / 2)},0,1`);
    }
  }
  return lines.join('\n') + '\n';
}
