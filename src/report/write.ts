import { mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { ToolkitError } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import { analyzeJtl } from '../jtl/analyze.js';
import { repoRoot } from '../runner/repo-root.js';
import { JMETER_APDEX, type ApdexThresholds, type StatsMode } from '../stats/types.js';
import { loadChartJs, loadTemplates, renderReportHtml } from './html.js';
import { buildReportModel, REPORT_PERCENTILES, type ComparisonInput, type ReportModel, type RunInfo } from './model.js';
import { ReportSeries } from './series.js';
import { TopErrors } from './top-errors.js';

export interface ReportRequest {
  /** JTL files, or one run folder (results/<plan>_<timestamp>/ with results.jtl and summary.json). */
  readonly inputs: readonly string[];
  /** Default for a run folder: <run folder>/report. */
  readonly outDir?: string;
  readonly templateDir?: string;
  readonly mode?: StatsMode;
  readonly apdex?: ApdexThresholds;
  readonly findings?: readonly Finding[];
  readonly comparison?: ComparisonInput;
  readonly title?: string;
  readonly now?: () => Date;
  readonly onProgress?: (p: { readonly file: string; readonly samples: number }) => void;
}

export interface WrittenReport {
  readonly dir: string;
  readonly html: string;
  readonly json: string;
  readonly htmlBytes: number;
  readonly model: ReportModel;
}

/** `jtl report`: one pass over the JTLs (statistics, series, errors), then index.html and report.json. */
export async function writeReport(request: ReportRequest): Promise<WrittenReport> {
  const { files, runFolder } = await resolveInputs(request.inputs);
  const outDir = request.outDir ?? (runFolder && join(runFolder, 'report'));
  if (outDir === undefined) {
    throw new ToolkitError('REPORT_NO_OUTPUT', `${request.inputs.join(', ')}: say where the report goes with -o <dir> (only a run folder has a default, <run folder>/report)`);
  }
  const [templates, chartJs, run, toolVersion] = await Promise.all([
    loadTemplates(request.templateDir), loadChartJs(), runFolder ? readRunInfo(runFolder) : undefined, readToolVersion(),
  ]);
  const apdex = request.apdex ?? JMETER_APDEX;
  const series = new ReportSeries();
  const errors = new TopErrors();
  const analysis = await analyzeJtl({
    files,
    percentiles: REPORT_PERCENTILES,
    mode: request.mode ?? 'exact',
    apdex,
    onSample: (s) => {
      series.add(s);
      errors.add(s);
    },
    ...(request.onProgress && { onProgress: request.onProgress }),
  });
  const model = buildReportModel({
    analysis, apdex, series: series.result(), errors: errors.result(), toolVersion,
    generatedAt: (request.now ?? (() => new Date()))(),
    ...(run && { run }),
    ...(request.findings && { findings: request.findings }),
    ...(request.comparison && { comparison: request.comparison }),
    ...(request.title !== undefined && { title: request.title }),
  });
  const html = renderReportHtml(model, templates, chartJs);
  await mkdir(outDir, { recursive: true });
  const htmlPath = join(outDir, 'index.html');
  const jsonPath = join(outDir, 'report.json');
  await writeFile(htmlPath, html);
  await writeFile(jsonPath, JSON.stringify(model, null, 2) + '\n');
  return { dir: resolve(outDir), html: resolve(htmlPath), json: resolve(jsonPath), htmlBytes: Buffer.byteLength(html), model };
}

async function resolveInputs(inputs: readonly string[]): Promise<{ files: readonly string[]; runFolder?: string }> {
  if (inputs.length === 0) throw new ToolkitError('REPORT_NO_INPUT', 'no input: give JTL files or a run folder (results/<plan>_<timestamp>)');
  const kinds = await Promise.all(inputs.map((i) => stat(i).then((s) => (s.isDirectory() ? 'dir' : 'file'), () => 'missing' as const)));
  const missing = inputs.find((_, i) => kinds[i] === 'missing');
  if (missing !== undefined) throw new ToolkitError('REPORT_NO_INPUT', `${missing}: no such file or folder`, { file: missing });
  if (!kinds.includes('dir')) return { files: inputs };
  // The real folder, not results/latest, which moves with the next run.
  const folder = await realpath(inputs[0]!);
  if (inputs.length > 1) throw new ToolkitError('REPORT_NO_INPUT', `${inputs.join(', ')}: give one run folder, or JTL files (not both)`);
  const jtl = join(folder, 'results.jtl');
  if (!(await stat(jtl).then((s) => s.isFile(), () => false))) {
    throw new ToolkitError('REPORT_NO_INPUT', `${folder}: not a run folder (no results.jtl in it); give a folder written by \`jtl run\` or the JTL files`, { file: folder });
  }
  return { files: [jtl], runFolder: folder };
}

interface SummaryJson {
  readonly plan?: { readonly name?: string };
  readonly jmeter?: { readonly version?: string };
  readonly profile?: string;
  readonly startedAt?: string;
  readonly durationMs?: number;
  readonly exit?: { readonly status?: string };
  readonly properties?: Readonly<Record<string, string>>;
}

/** What summary.json knows of the run (properties there are already redacted); nothing when it is absent. */
async function readRunInfo(folder: string): Promise<RunInfo | undefined> {
  const text = await readFile(join(folder, 'summary.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let s: SummaryJson;
  try {
    s = JSON.parse(text) as SummaryJson;
  } catch (error) {
    throw new ToolkitError('REPORT_BAD_SUMMARY', `${join(folder, 'summary.json')}: not JSON (${(error as Error).message}); delete it to report the JTL alone`, { file: join(folder, 'summary.json') });
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const info = {
    plan: str(s.plan?.name),
    startedAt: str(s.startedAt),
    durationMs: typeof s.durationMs === 'number' ? s.durationMs : undefined,
    jmeterVersion: str(s.jmeter?.version),
    profile: str(s.profile),
    exitStatus: str(s.exit?.status),
  };
  const properties = Object.entries(s.properties ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  return { ...Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)), properties };
}

async function readToolVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(repoRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
