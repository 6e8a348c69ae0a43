import type { Finding } from '../findings/finding.js';
import { cellStats, type Cell } from './cells.js';
import { denseWindows, finding, valueOf } from './evaluate.js';
import { SlaObserver, type SlaDetail } from './observer.js';
import { compare, type RuleSet, type SlaRule } from './rule.js';
import { JtlTail } from './tail.js';

/** A window is judged live once a sample has started this long after its end (rows are written when samples end). */
const SETTLE_MS = 1000;

export interface LiveBreach {
  readonly rule: SlaRule;
  readonly finding: Finding;
  readonly reason: string;
}

/**
 * The abortable rules, judged on what the JTL holds so far (pure): a rule with a window on each window that
 * has ended, a rule without on everything after its warm-up once the warm-up is over. The first breach wins.
 */
export function liveBreach(set: RuleSet, detail: SlaDetail): LiveBreach | undefined {
  const { originMs, latestStartMs } = detail;
  if (originMs === undefined || latestStartMs === undefined) return undefined;
  for (const [i, rule] of set.rules.entries()) {
    if (!rule.abortable) continue;
    const warmEnd = originMs + (rule.warmUpMs ?? 0);
    if (latestStartMs < warmEnd) continue;
    for (const [scope, windows] of detail.cells[i] ?? new Map<string, ReadonlyMap<number, Cell>>()) {
      const cells = denseWindows(windows);
      const judged = rule.windowMs === undefined ? cells.slice(0, 1) : cells.filter((_, k) => warmEnd + (k + 1) * rule.windowMs! + SETTLE_MS <= latestStartMs);
      for (const [k, cell] of judged.entries()) {
        if (cell === undefined || cell.count === 0) continue;
        const value = valueOf(rule.metric, { kind: 'cell', stats: cellStats(cell) });
        if (Number.isNaN(value) || compare(value, rule.op, rule.threshold)) continue;
        const where = rule.windowMs === undefined ? `${cell.count} samples so far` : `window ${k + 1} (${cell.count} samples)`;
        const f = finding(rule, scope, value, rule.severity === 'fail' ? 'fail' : 'warn', `breached live in ${where}; the run was stopped`);
        return { rule, finding: f, reason: `SLA rule "${rule.text}" breached for ${scope}: measured ${Math.round(value * 1000) / 1000}, ${where}` };
      }
    }
  }
  return undefined;
}

/** Tails the growing JTL every `pollMs`, feeding the abortable rules' cells; `breach` holds the first breach. */
export class LiveSlaWatcher {
  private readonly set: RuleSet;
  private readonly observer: SlaObserver;
  private tail: JtlTail | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> = Promise.resolve();
  breach: LiveBreach | undefined;

  constructor(set: RuleSet, private readonly pollMs = 1000, private readonly onBreach?: (b: LiveBreach) => void) {
    this.set = { ...set, rules: set.rules.filter((r) => r.abortable) };
    this.observer = new SlaObserver(this.set);
  }

  get hasRules(): boolean {
    return this.set.rules.length > 0;
  }

  start(jtl: string): void {
    if (!this.hasRules || this.timer !== undefined) return;
    this.tail = new JtlTail(jtl);
    this.timer = setInterval(() => {
      this.reading = this.reading.then(() => this.poll()).catch(() => undefined);
    }, this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.reading;
  }

  private async poll(): Promise<void> {
    if (this.breach !== undefined || this.tail === undefined) return;
    await this.tail.read(this.observer.add);
    this.breach = liveBreach(this.set, this.observer.detail());
    if (this.breach) this.onBreach?.(this.breach);
  }
}
