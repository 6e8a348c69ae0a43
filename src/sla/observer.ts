import type { Sample } from '../stats/sample.js';
import { JMETER_APDEX, type ApdexThresholds } from '../stats/types.js';
import { Cell } from './cells.js';
import { isTimeMetric, type RuleSet, type SlaRule } from './rule.js';

/** How one rule sees one sample, decided once per label. */
type Treatment = { readonly use: false } | { readonly use: true; readonly latency: boolean };

/** Per rule: scope unit (a label, 'Total', a regex) → window index → cell. */
export interface SlaDetail {
  /** The start of the first sample read: warm-ups and windows count from here. */
  readonly originMs: number | undefined;
  /** The latest sample start read (live checks judge only the windows that have ended before it). */
  readonly latestStartMs: number | undefined;
  readonly cells: ReadonlyArray<ReadonlyMap<string, ReadonlyMap<number, Cell>>>;
  /** Streaming labels seen, with the samples they had. */
  readonly streamingSeen: ReadonlySet<string>;
}

export const TOTAL = 'Total';

/**
 * What the analyzer's per-label figures cannot answer: windows, warm-ups, labels taken together by a regex,
 * Latency instead of elapsed time (streaming labels, or a rule on `latency`). Fed every sample the analyzer
 * counts (`analyzeJtl({ onSample })`); keeps cells only for the rules and labels that need them.
 */
export class SlaObserver {
  private originMs: number | undefined;
  private latestStartMs: number | undefined;
  private readonly cells: Array<Map<string, Map<number, Cell>>>;
  private readonly streaming: readonly RegExp[];
  private readonly treatments = new Map<string, Treatment[]>();
  private readonly streamingSeen = new Set<string>();

  constructor(private readonly set: RuleSet, private readonly apdex: ApdexThresholds = JMETER_APDEX) {
    this.cells = set.rules.map(() => new Map());
    this.streaming = set.streamingLabels.map((s) => new RegExp(s));
  }

  readonly add = (s: Sample): void => {
    if (s.controller === 'empty-tc') return;
    this.originMs ??= s.timeStamp;
    if (this.latestStartMs === undefined || s.timeStamp > this.latestStartMs) this.latestStartMs = s.timeStamp;
    let perRule = this.treatments.get(s.label);
    if (perRule === undefined) {
      perRule = this.set.rules.map((r) => this.treatment(r, s.label, s.controller === 'tc'));
      this.treatments.set(s.label, perRule);
      if (this.isStreaming(s.label)) this.streamingSeen.add(s.label);
    }
    const rules = this.set.rules;
    for (let i = 0; i < rules.length; i++) {
      const t = perRule[i]!;
      if (!t.use) continue;
      const r = rules[i]!;
      const sinceStart = s.timeStamp - this.originMs - (r.warmUpMs ?? 0);
      // Samples that started before the first one read (rows are written when samples end) belong to the warm-up, or to window 0.
      if (r.warmUpMs !== undefined && sinceStart < 0) continue;
      const window = r.windowMs === undefined ? 0 : Math.max(0, Math.floor(sinceStart / r.windowMs));
      const unit = unitOf(r, s.label);
      const byUnit = this.cells[i]!;
      let windows = byUnit.get(unit);
      if (windows === undefined) byUnit.set(unit, (windows = new Map()));
      let cell = windows.get(window);
      if (cell === undefined) windows.set(window, (cell = new Cell()));
      cell.add(t.latency ? s.latencyMs : s.elapsedMs, s.timeStamp, s.elapsedMs, s.success, s.bytes, s.sentBytes, this.apdex);
    }
  };

  detail(): SlaDetail {
    return { originMs: this.originMs, latestStartMs: this.latestStartMs, cells: this.cells, streamingSeen: this.streamingSeen };
  }

  isStreaming(label: string): boolean {
    return this.streaming.some((re) => re.test(label));
  }

  private treatment(r: SlaRule, label: string, isController: boolean): Treatment {
    if (!inScope(r, label, isController)) return { use: false };
    const streaming = isTimeMetric(r.metric) && r.basis === 'elapsed' && r.streaming !== 'elapsed' && this.isStreaming(label);
    if (streaming && r.streaming === 'exclude') return { use: false };
    const latency = r.basis === 'latency' || streaming;
    // Rules the analyzer's rows answer exactly need no cell for this label.
    if (!needsCells(r) && !streaming && !(r.scope.kind === 'total' && isTimeMetric(r.metric) && r.streaming !== 'elapsed')) return { use: false };
    return { use: true, latency };
  }
}

/** Rules that always need their own cells: windows, warm-up, a regex taken together, Latency, live checks. */
export const needsCells = (r: SlaRule): boolean =>
  r.windowMs !== undefined || r.warmUpMs !== undefined || r.scope.kind === 'regex' || r.basis === 'latency' || r.abortable;

export function inScope(r: SlaRule, label: string, isController: boolean): boolean {
  switch (r.scope.kind) {
    case 'total':
      return !isController;
    case 'label':
      return label === r.scope.label;
    case 'regex':
      return !isController && new RegExp(r.scope.pattern).test(label);
    case 'each':
      return r.scope.pattern === undefined || new RegExp(r.scope.pattern).test(label);
  }
}

export const unitOf = (r: SlaRule, label: string): string =>
  r.scope.kind === 'total' ? TOTAL : r.scope.kind === 'regex' ? `/${r.scope.pattern}/` : label;
