import type { Sample } from '../stats/sample.js';

/** Distinct errors kept; later ones are only counted (`otherErrors`). */
export const MAX_ERRORS = 50;
const MAX_LABELS = 10;
const MAX_EXAMPLES = 3;
const MAX_EXAMPLE_CHARS = 500;

export interface ErrorGroup {
  readonly responseCode: string;
  readonly responseMessage: string;
  readonly count: number;
  readonly firstMs: number;
  readonly lastMs: number;
  /** The labels it happened on, most frequent first (at most MAX_LABELS; `otherLabelSamples` counts the failures on the others). */
  readonly labels: ReadonlyArray<{ readonly label: string; readonly count: number }>;
  readonly otherLabelSamples: number;
  /** Distinct failure messages (assertion texts), the first few seen, each cut at MAX_EXAMPLE_CHARS. */
  readonly examples: readonly string[];
}

export interface TopErrorsResult {
  readonly groups: readonly ErrorGroup[];
  /** Failed samples whose code and message did not fit in MAX_ERRORS groups. */
  readonly otherErrors: number;
}

interface Group {
  readonly responseCode: string;
  readonly responseMessage: string;
  count: number;
  firstMs: number;
  lastMs: number;
  readonly labels: Map<string, number>;
  otherLabelSamples: number;
  readonly examples: string[];
}

/** Failed samples grouped by response code and message (controller rows skipped, as in Total), bounded. */
export class TopErrors {
  private readonly groups = new Map<string, Group>();
  private other = 0;

  add(s: Sample): void {
    if (s.success || s.controller !== 'none') return;
    const key = `${s.responseCode}\u0000${s.responseMessage}`;
    let g = this.groups.get(key);
    if (g === undefined) {
      if (this.groups.size >= MAX_ERRORS) {
        this.other += 1;
        return;
      }
      g = { responseCode: s.responseCode, responseMessage: s.responseMessage, count: 0, firstMs: s.timeStamp, lastMs: s.timeStamp, labels: new Map(), otherLabelSamples: 0, examples: [] };
      this.groups.set(key, g);
    }
    g.count += 1;
    if (s.timeStamp < g.firstMs) g.firstMs = s.timeStamp;
    if (s.timeStamp > g.lastMs) g.lastMs = s.timeStamp;
    const n = g.labels.get(s.label);
    if (n !== undefined || g.labels.size < MAX_LABELS) g.labels.set(s.label, (n ?? 0) + 1);
    else g.otherLabelSamples += 1;
    const example = s.failureMessage.slice(0, MAX_EXAMPLE_CHARS);
    if (example !== '' && g.examples.length < MAX_EXAMPLES && !g.examples.includes(example)) g.examples.push(example);
  }

  result(): TopErrorsResult {
    const groups = [...this.groups.values()]
      .sort((a, b) => b.count - a.count || a.firstMs - b.firstMs)
      .map((g) => ({
        responseCode: g.responseCode,
        responseMessage: g.responseMessage,
        count: g.count,
        firstMs: g.firstMs,
        lastMs: g.lastMs,
        labels: [...g.labels].sort((a, b) => b[1] - a[1]).map(([label, count]) => ({ label, count })),
        otherLabelSamples: g.otherLabelSamples,
        examples: [...g.examples],
      }));
    return { groups, otherErrors: this.other };
  }
}
