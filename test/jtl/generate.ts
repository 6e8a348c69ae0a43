import { seededRandom } from '../../src/stats/random.js';

export interface GenerateOptions {
  readonly samples: number;
  readonly labels: number;
  readonly seed: number;
  /** A transaction-controller row (non-parent mode: after its children) every N samples; 0 = none. */
  readonly transactionEvery?: number;
  /** Two sub-result rows (`<label>-0`, `<label>-1`) after every N-th sample; 0 = none. */
  readonly subResultsEvery?: number;
  readonly errorRate?: number;
  readonly startMs?: number;
  readonly lineEnd?: '\n' | '\r\n';
}

export const HEADER = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * A CSV JTL as JMeter 5.6.3 writes it with default settings. Response times drift down over the run, so
 * percentiles over the last 20,000 samples differ from those over all samples.
 */
export function generateJtl(o: GenerateOptions): string {
  const random = seededRandom(o.seed);
  const end = o.lineEnd ?? '\n';
  const lines = [HEADER];
  let t = o.startMs ?? 1_795_000_000_000;
  const row = (ts: number, elapsed: number, label: string, ok: boolean, message = 'OK', failure = '', dataType = 'text', url = 'http://127.0.0.1:4444/x') =>
    [ts, elapsed, quote(label), ok ? 200 : 500, quote(message), 'tg 1-1', dataType, ok, quote(failure), 100 + Math.floor(random() * 900), 120, 4, 4, url, Math.floor(elapsed / 2), 0, Math.floor(random() * 3)].join(',');
  for (let i = 0; i < o.samples; i++) {
    t += Math.floor(random() * 3);
    const label = `GET /api/${i % o.labels}`;
    const drift = 1 + (2 * (o.samples - i)) / o.samples;
    const elapsed = Math.floor(random() * random() * 200 * drift);
    const ok = random() >= (o.errorRate ?? 0);
    const failure = ok ? '' : random() < 0.5 ? 'Assertion failed:\nexpected "result", got error, code 5' : '';
    lines.push(row(t, elapsed, label, ok, ok ? 'OK' : 'Internal Server Error', failure));
    if (o.subResultsEvery && i % o.subResultsEvery === 0) {
      lines.push(row(t, Math.floor(elapsed / 2), `${label}-0`, true), row(t + 1, Math.floor(elapsed / 3), `${label}-1`, true));
    }
    if (o.transactionEvery && i % o.transactionEvery === o.transactionEvery - 1) {
      const failing = ok ? 0 : 1;
      lines.push(row(t - 5, elapsed + 5, 'checkout', failing === 0, `Number of samples in transaction : 2, number of failing samples : ${failing}`, '', '', 'null'));
    }
  }
  return lines.join(end) + end;
}
