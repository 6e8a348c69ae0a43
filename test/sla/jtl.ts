import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HEADER } from '../jtl/generate.js';

export interface Row {
  readonly ts: number;
  readonly elapsed: number;
  readonly label: string;
  readonly ok?: boolean;
  readonly latency?: number;
}

export const T0 = 1_795_000_000_000;

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** A CSV JTL as JMeter writes it, with exactly these rows (bytes 1024 received, 512 sent each). */
export function jtlText(rows: readonly Row[]): string {
  const lines = rows.map((r) =>
    [r.ts, r.elapsed, quote(r.label), r.ok === false ? 500 : 200, r.ok === false ? 'Internal Server Error' : 'OK', 'tg 1-1', 'text', r.ok !== false, '', 1024, 512, 1, 1, 'http://127.0.0.1/x', r.latency ?? r.elapsed, 0, 0].join(','),
  );
  return [HEADER, ...lines].join('\n') + '\n';
}

/** `count` samples of `label`, elapsed 1..count ms, one every `everyMs` from `from`. */
export const ramp = (label: string, count: number, from = T0, everyMs = 10, extra: Partial<Row> = {}): Row[] =>
  Array.from({ length: count }, (_, i) => ({ ts: from + i * everyMs, elapsed: i + 1, label, ...extra }));

/** A scratch folder removed by the returned cleanup. */
export function scratch(prefix: string): { dir: string; write: (name: string, text: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `jtl-sla-${prefix}-`));
  return {
    dir,
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
