import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import Handlebars from 'handlebars';

import { ToolkitError } from '../errors.js';
import { jsonForScript } from '../output/escape.js';
import { repoRoot } from '../runner/repo-root.js';
import type { ReportModel } from './model.js';

/** The templates the toolkit ships; `--template <dir>` points at a team's copy with the same files. */
export const DEFAULT_TEMPLATE_DIR = join(repoRoot(), 'templates');
const LAYOUT = 'report.hbs';
const STYLES = 'report.css';
const SCRIPT = 'report.js';
const PARTIALS = 'partials';

export interface TemplateSet {
  readonly dir: string;
  readonly layout: string;
  readonly partials: Readonly<Record<string, string>>;
  readonly css: string;
  readonly script: string;
}

/** Reads a template folder: report.hbs, partials/*.hbs (one per section), report.css, report.js. */
export async function loadTemplates(dir: string = DEFAULT_TEMPLATE_DIR): Promise<TemplateSet> {
  const read = (name: string) =>
    readFile(join(dir, name), 'utf8').catch(() => {
      throw new ToolkitError('REPORT_TEMPLATE', `${join(dir, name)}: cannot read it; a template folder holds ${LAYOUT}, ${STYLES}, ${SCRIPT} and ${PARTIALS}/*.hbs (copy templates/ and edit the copy)`, { dir, file: name });
    });
  const [layout, css, script] = await Promise.all([read(LAYOUT), read(STYLES), read(SCRIPT)]);
  const names = (await readdir(join(dir, PARTIALS)).catch(() => [] as string[])).filter((n) => n.endsWith('.hbs')).sort();
  const partials = Object.fromEntries(await Promise.all(names.map(async (n) => [n.slice(0, -4), await read(join(PARTIALS, n))] as const)));
  return { dir, layout, partials, css, script };
}

/** Chart.js as one UMD file, inlined so the page needs no network. */
export async function loadChartJs(): Promise<string> {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFile(join(dirname(main), 'chart.umd.min.js'), 'utf8');
}

/** A script's text that cannot end its <script> element early. */
const inlineScript = (code: string): string => code.replace(/<\/(script)/gi, '<\\/$1');

/** Pure: the self-contained page. Text from the JTL is escaped by handlebars ({{…}}) and by jsonForScript. */
export function renderReportHtml(model: ReportModel, templates: TemplateSet, chartJs: string): string {
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  for (const [name, text] of Object.entries(templates.partials)) hb.registerPartial(name, text);
  try {
    // Compiled here, not at load: handlebars reports a broken partial only when it renders.
    return hb.compile(templates.layout)({
      ...model,
      css: templates.css.replace(/<\/(style)/gi, '<\\/$1'),
      chartJs: inlineScript(chartJs),
      script: inlineScript(templates.script),
      dataJson: jsonForScript({ charts: model.charts, table: { columns: model.table.columns } }),
    });
  } catch (error) {
    throw new ToolkitError('REPORT_TEMPLATE', `${templates.dir}: the templates do not render: ${(error as Error).message.split('\n')[0]}`, { dir: templates.dir });
  }
}
