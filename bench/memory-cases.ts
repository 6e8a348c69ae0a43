/**
 * The inputs whose memory used to grow without bound (issue 12 items 4 and 5): many distinct labels, and a run
 * spanning 24 hours. Memory must depend on neither: goals ≤ 300 MB peak RSS for 20,000 labels and ≤ 200 MB for a
 * 24-hour, 40-label run, in both modes.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

import { HEADER } from '../test/jtl/generate.js';

export interface MemoryCase {
  readonly name: string;
  readonly goalMb: number;
  readonly write: (path: string) => Promise<void>;
}

const T0 = 1_795_000_000_000;

/** Default columns, ~1 % failures; `label(i)` and `timeStamp(i)` shape the case. */
async function writeRows(path: string, samples: number, label: (i: number) => string, timeStamp: (i: number) => number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 1;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  let text = HEADER + '\n';
  for (let i = 0; i < samples; i++) {
    const elapsed = Math.floor(random() * random() * 3000);
    const ok = random() > 0.01;
    text += `${timeStamp(i)},${elapsed},${label(i)},${ok ? 200 : 500},${ok ? 'OK' : 'Internal Server Error'},tg 1-${i % 50},text,${ok},,${500 + (i % 900)},120,50,50,http://127.0.0.1:4444/x,${elapsed >> 1},0,1\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
}

export const MEMORY_CASES: readonly MemoryCase[] = [
  {
    // Labels that carry an id (a URL per user): 20,000 of them, about 10 samples each.
    name: '20,000 labels (200,000 samples)',
    goalMb: 300,
    write: (path) => writeRows(path, 200_000, (i) => `GET /users/${(i * 7919) % 20_000}/profile`, (i) => T0 + i * 10),
  },
  {
    // The soak plan's shape at a lower rate: memory depends on the span and the labels, not on the sample count.
    name: '24-hour run, 40 labels (1,000,000 samples)',
    goalMb: 200,
    write: (path) => writeRows(path, 1_000_000, (i) => `GET /api/${i % 40}`, (i) => T0 + Math.floor((i * 86_400_000) / 1_000_000)),
  },
];
