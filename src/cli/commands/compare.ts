import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { Command } from 'commander';

import { baselineJson } from '../../compare/baseline-file.js';
import { compareRuns } from '../../compare/compare.js';
import { loadDigest } from '../../compare/inputs.js';
import { pickRuns, skippedRunNote } from '../../runner/run-select.js';
import { DEFAULT_COMPARE_OPTIONS, METRICS, type CompareOptions, type LabelPair, type MetricId } from '../../compare/types.js';
import { SlaFailed, ToolkitError } from '../../errors.js';
import { failures } from '../../findings/finding.js';
import { formatComparisonJson } from '../../output/comparison-json.js';
import { formatComparisonMarkdown } from '../../output/comparison-markdown.js';
import { formatComparisonTable } from '../../output/comparison-terminal.js';
import { findingsToJunit } from '../../output/junit.js';

interface CompareCliOptions {
  runs: string;
  allowDifferentPlans?: boolean;
  failOn: string;
  failOnNoData?: boolean;
  map: string[];
  minLatency: string;
  minError: string;
  minThroughput: string;
  confidence: string;
  resamples: string;
  seed: string;
  json?: boolean;
  markdown?: boolean;
  junit?: string;
  stepSummary?: boolean;
}

const METRIC_ALIASES: Readonly<Record<string, MetricId>> = { 'error%': 'errorPct', error: 'errorPct', errors: 'errorPct', 'error-pct': 'errorPct', errorpct: 'errorPct' };

/** `jtl compare` and `jtl baseline save`: wiring only (src/compare decides, src/output renders). */
export function registerCompareCommands(program: Command): void {
  program
    .command('compare [baseline] [current]')
    .description('compare two runs per label and Total: deltas with intervals, verdicts that tell regressions from noise')
    .option('--runs <dir>', 'where to find runs when fewer than two inputs are named: the newest with samples', 'results')
    .option('--allow-different-plans', 'compare the newest runs even when they ran different plans')
    .option('--fail-on <metrics>', `metrics whose regression fails (exit 1), for every label and Total: ${METRICS.map((m) => (m === 'errorPct' ? 'error%' : m)).join(',')} or none`, 'p95,p99,error%')
    .option('--fail-on-no-data', 'also fail when a --fail-on metric has not enough data to decide')
    .option('--map <baseline=current>', "compare differently named labels, e.g. 'fast_time MCP tools/call get_system_time=MCP tools/call' (repeatable): the added latency", collect, [])
    .option('--min-latency <pct,ms>', 'smallest latency change that matters: both this % of the baseline and these ms', '10,5')
    .option('--min-error <points>', 'smallest error % change that matters, in percentage points', '0.5')
    .option('--min-throughput <pct>', 'smallest throughput change that matters, in % of the baseline', '10')
    .option('--confidence <level>', 'level of the intervals behind each verdict', String(DEFAULT_COMPARE_OPTIONS.confidence))
    .option('--resamples <n>', 'bootstrap resamplings per run', String(DEFAULT_COMPARE_OPTIONS.resamples))
    .option('--seed <n>', 'seed of the resampling (same inputs and seed, same intervals)', '1')
    .option('--json', 'print the comparison and its findings as JSON')
    .option('--markdown', 'print Markdown (a pull-request comment)')
    .option('--junit <file>', 'also write JUnit XML, one test case per label and metric')
    .option('--step-summary', 'also append the Markdown to $GITHUB_STEP_SUMMARY')
    .addHelpText('after', [
      '',
      'Inputs: a JTL (CSV or XML, .gz), several JTLs merged (a.jtl,b.jtl), a run folder (results/<run>, results/latest)',
      'or a saved baseline (jtl baseline save). One input: compared with the newest run; none: the two newest runs.',
      'Verdicts: regressed/improved when the change is at least the minimum AND its interval excludes 0; unchanged',
      'when the whole interval lies within ± the minimum; otherwise "not enough data". Exit: 0 nothing in --fail-on',
      'regressed, 1 a regression, 2 bad input.',
    ].join('\n'))
    .action(async (baseline: string | undefined, current: string | undefined, o: CompareCliOptions) => {
      const options = compareOptions(o);
      const [baseInput, curInput] = await inputs(baseline, current, o);
      const [base, cur] = [await loadDigest(baseInput), await loadDigest(curInput)];
      for (const [side, d] of [['baseline', base], ['current', cur]] as const) for (const w of d.warnings ?? []) process.stderr.write(`warning: ${side}: ${w}\n`);
      const comparison = compareRuns(base, cur, options);
      const markdown = o.markdown || o.stepSummary ? formatComparisonMarkdown(comparison.model) : '';
      process.stdout.write(
        o.json ? formatComparisonJson(comparison.model, comparison.findings)
          : o.markdown ? markdown
            : formatComparisonTable(comparison.model, { colour: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined }),
      );
      if (o.junit) writeOutput(o.junit, findingsToJunit('jtl compare', comparison.findings));
      if (o.stepSummary) {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file) throw new ToolkitError('CLI_BAD_OPTION', '--step-summary: GITHUB_STEP_SUMMARY is not set (it is, inside a GitHub Actions job)', { option: '--step-summary' });
        appendFileSync(file, markdown + '\n');
      }
      const failing = failures(comparison.findings);
      if (failing.length > 0) {
        const first = failing[0]!;
        throw new SlaFailed('CMP_REGRESSED', `${failing.length} --fail-on finding(s) failed, first: ${first.subject} [${first.scope}] ${first.verdict === 'no data' ? 'not enough data' : first.verdict} (${first.evidence ?? ''})`, { count: failing.length });
      }
    });

  program
    .command('baseline')
    .description('compact baselines to compare with later runs')
    .command('save <input>')
    .description('save a JTL (or several, a,b), or a run folder, as a compact baseline: per label and time window, a few hundred KB at most')
    .requiredOption('-o, --out <file>', 'the baseline file to write, e.g. baselines/<name>.json')
    .action(async (input: string, o: { out: string }) => {
      if (input.endsWith('.json')) throw new ToolkitError('CLI_BAD_OPTION', `${input}: already a baseline; give a JTL or a run folder`, { input });
      const digest = await loadDigest(input);
      for (const w of digest.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
      const text = baselineJson(digest, new Date());
      writeOutput(o.out, text);
      process.stdout.write(`baseline: ${o.out} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB; ${digest.labels.length} labels, ${digest.total.samples} samples, ${digest.windows.windowCount} windows of ${digest.windows.windowMs / 1000} s)\n`);
    });
}

async function inputs(baseline: string | undefined, current: string | undefined, o: CompareCliOptions): Promise<[string, string]> {
  if (baseline !== undefined && current !== undefined) return [baseline, current];
  const picked = await pickRuns({ outDir: o.runs, count: baseline === undefined ? 2 : 1, allowDifferentPlans: Boolean(o.allowDifferentPlans) });
  for (const r of picked.skipped) process.stderr.write(skippedRunNote(r) + '\n');
  const [a, b] = picked.runs.map((r) => r.dir);
  return baseline === undefined ? [a!, b!] : [baseline, a!];
}

function compareOptions(o: CompareCliOptions): CompareOptions {
  const [latencyPct, latencyMs] = numbers(o.minLatency, '--min-latency', 2);
  return {
    minimumEffects: { latencyPct: latencyPct!, latencyMs: latencyMs!, errorPoints: numbers(o.minError, '--min-error', 1)[0]!, throughputPct: numbers(o.minThroughput, '--min-throughput', 1)[0]! },
    confidence: level(o.confidence),
    resamples: integer(o.resamples, '--resamples', 100),
    seed: integer(o.seed, '--seed', 0),
    failOn: failOn(o.failOn),
    failOnNoData: Boolean(o.failOnNoData),
    pairs: o.map.map(pair),
  };
}

function failOn(text: string): MetricId[] {
  if (text.trim() === 'none') return [];
  return text.split(',').map((raw) => {
    const name = raw.trim();
    const id = (METRICS as readonly string[]).includes(name) ? (name as MetricId) : METRIC_ALIASES[name.toLowerCase()];
    if (id === undefined) throw new ToolkitError('CLI_BAD_OPTION', `--fail-on ${text}: unknown metric "${name}"; use ${METRICS.map((m) => (m === 'errorPct' ? 'error%' : m)).join(', ')} or none`, { option: '--fail-on' });
    return id;
  });
}

function pair(text: string): LabelPair {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new ToolkitError('CLI_BAD_OPTION', `--map ${text}: expected BASELINE_LABEL=CURRENT_LABEL`, { option: '--map' });
  return { baseline: text.slice(0, at), current: text.slice(at + 1) };
}

function numbers(text: string, option: string, count: number): number[] {
  const values = text.split(',').map((t) => Number(t.trim()));
  if (values.length !== count || values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new ToolkitError('CLI_BAD_OPTION', `${option} ${text}: expected ${count === 1 ? 'a non-negative number' : `${count} non-negative numbers, comma-separated`}`, { option });
  }
  return values;
}

function level(text: string): number {
  const v = Number(text);
  if (!(v >= 0.5 && v < 1)) throw new ToolkitError('CLI_BAD_OPTION', `--confidence ${text}: expected a level in [0.5, 1), e.g. 0.95`, { option: '--confidence' });
  return v;
}

function integer(text: string, option: string, min: number): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < min) throw new ToolkitError('CLI_BAD_OPTION', `${option} ${text}: expected a whole number ≥ ${min}`, { option });
  return v;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function writeOutput(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
