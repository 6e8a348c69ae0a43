import type { Command } from 'commander';

import { ToolkitError } from '../../errors.js';
import { analyzeJtl, type Analysis } from '../../jtl/analyze.js';
import type { CsvDialect } from '../../jtl/csv-layout.js';
import { statisticsJsonTextOf } from '../../stats/statistics-json.js';
import { formatAnalysisCsv } from '../format/analysis-csv.js';
import { formatAnalysisTable, formatIssues } from '../format/analysis-table.js';
import { progressReporter } from '../format/progress.js';

interface AnalyzeCliOptions {
  json?: boolean;
  statisticsJson?: boolean;
  csv?: boolean;
  percentiles: string;
  labels?: string;
  from?: string;
  to?: string;
  jmeterCompat?: boolean;
  apdex: string;
  interval: string;
  columns?: string;
  delimiter?: string;
  quote?: string;
  escape?: string;
  encoding?: string;
  maxLabels?: string;
}

/** `jtl analyze`: wiring only (readers in src/jtl, math in src/stats, text in src/cli/format). */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze <files...>')
    .description('statistics of JTL files (CSV or XML, .gz, several merged): per label and Total, exact or JMeter-dashboard compatible')
    .option('--json', 'print the whole analysis as JSON')
    .option('--statistics-json', "print JMeter's dashboard statistics.json layout")
    .option('--csv', 'print one CSV line per label and Total')
    .option('--percentiles <list>', 'percentiles to compute', '50,90,95,99')
    .option('--labels <regex>', 'only labels matching this regular expression (a search; anchor with ^…$)')
    .option('--from <time>', 'only samples starting at or after this time (epoch ms or ISO 8601)')
    .option('--to <time>', 'only samples starting at or before this time (epoch ms or ISO 8601)')
    .option('--jmeter-compat', "reproduce JMeter's dashboard bit for bit (percentiles over each row's last 20,000 samples)")
    .option('--apdex <satisfied,tolerated>', 'APDEX thresholds in ms', '500,1500')
    .option('--interval <ms>', 'interval of the time series in --json (doubled as often as a long run needs to stay within 2,048 intervals)', '5000')
    .option('--columns <names>', 'column names of a JTL without a header (default: JMeter 5.6.3 defaults)')
    .option('--delimiter <text>', 'CSV delimiter, \\t for tab (default: guessed from the first line: , tab ; |)')
    .option('--quote <char>', 'CSV quote character (default ")')
    .option('--escape <char>', 'character escaping a quote inside quotes (default: the quote, i.e. doubled)')
    .option('--encoding <name>', 'text encoding, e.g. latin1 (default: UTF-8, or UTF-16LE by its byte order mark)')
    .option('--max-labels <n>', 'at most N label rows (the first N in file order); the rest are grouped as "other labels", which the output says')
    .addHelpText('after', '\nJMeter\'s own CSV dialect is read by a fast byte scanner; other quote or escape characters, longer\ndelimiters and other encodings are read with csv-parse (slower, same figures).')
    .addHelpText('after', '\nA file named - is standard input (e.g. zcat results.jtl.gz | jtl analyze -).')
    .action(async (files: string[], o: AnalyzeCliOptions) => {
      refuseConflictingOutputs(o);
      const percentiles = numberList(o.percentiles, '--percentiles');
      const analysis = await analyzeJtl({
        files,
        percentiles: o.statisticsJson ? [...new Set([...percentiles, 50, 90, 95, 99])] : percentiles,
        ...(o.labels !== undefined && { labels: regex(o.labels) }),
        ...(o.from !== undefined && { from: time(o.from, '--from') }),
        ...(o.to !== undefined && { to: time(o.to, '--to') }),
        mode: o.jmeterCompat ? 'jmeter-compat' : 'exact',
        apdex: apdex(o.apdex),
        intervalMs: wholeMs(o.interval, '--interval'),
        dialect: dialect(o),
        ...(o.maxLabels !== undefined && { maxLabels: wholeNumber(o.maxLabels, '--max-labels') }),
        onProgress: progressReporter(files),
        // Tests lower the two-thread threshold to exercise it on small files.
        ...(process.env.JTL_PARALLEL_MIN_BYTES !== undefined && { parallelMinBytes: Number(process.env.JTL_PARALLEL_MIN_BYTES) }),
      });
      process.stdout.write(render(analysis, o));
      // The table lists what the reader noticed; the machine-readable outputs keep stdout clean.
      if (o.statisticsJson || o.csv) {
        for (const line of formatIssues(analysis)) process.stderr.write(line + '\n');
      }
    });
}

function render(a: Analysis, o: AnalyzeCliOptions): string {
  if (o.json) return JSON.stringify(a, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
  // Byte for byte as JMeter writes statistics.json (no final line end), so the two files compare equal.
  if (o.statisticsJson) return statisticsJsonTextOf(a);
  if (o.csv) return formatAnalysisCsv(a);
  return formatAnalysisTable(a);
}

function dialect(o: AnalyzeCliOptions): CsvDialect {
  if (o.encoding !== undefined && !Buffer.isEncoding(o.encoding)) {
    throw new ToolkitError('CLI_BAD_OPTION', `--encoding ${o.encoding}: not an encoding Node knows (utf8, utf16le, latin1, ascii)`, { option: '--encoding' });
  }
  for (const [option, value] of [['--quote', o.quote], ['--escape', o.escape]] as const) {
    if (value !== undefined && value.length !== 1) throw new ToolkitError('CLI_BAD_OPTION', `${option} ${JSON.stringify(value)}: expected one character`, { option });
  }
  if (o.delimiter === '') throw new ToolkitError('CLI_BAD_OPTION', '--delimiter: expected at least one character', { option: '--delimiter' });
  return {
    ...(o.columns && { columns: o.columns.split(',') }),
    ...(o.delimiter && { delimiter: o.delimiter }),
    ...(o.quote && { quote: o.quote }),
    ...(o.escape && { escape: o.escape }),
    ...(o.encoding && { encoding: o.encoding as BufferEncoding }),
  };
}

/** One output format per call: `--json --csv` would otherwise print one of them without a word. */
function refuseConflictingOutputs(o: AnalyzeCliOptions): void {
  const chosen = [o.json && '--json', o.statisticsJson && '--statistics-json', o.csv && '--csv'].filter(Boolean);
  if (chosen.length > 1) {
    throw new ToolkitError('CLI_CONFLICTING_OPTIONS', `${chosen.join(' and ')} both choose the output format: pass only one of them`, { options: chosen });
  }
}

function wholeMs(text: string, option: string): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ToolkitError('CLI_BAD_OPTION', `${option} ${text}: expected a positive whole number of milliseconds, e.g. ${option} 5000`, { option });
  }
  return value;
}

function numberList(text: string, option: string): number[] {
  const values = text.split(',').map((t) => Number(t.trim()));
  if (values.some((v) => !Number.isFinite(v) || v <= 0 || (option === '--percentiles' && v > 100))) {
    throw new ToolkitError('CLI_BAD_OPTION', `${option} ${text}: expected ${option === '--percentiles' ? 'numbers in (0, 100]' : 'positive numbers'}, comma-separated`, { option });
  }
  return values;
}

function wholeNumber(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new ToolkitError('CLI_BAD_OPTION', `${option} ${text}: expected a whole number of at least 1`, { option });
  return value;
}

function apdex(text: string) {
  const [satisfiedMs, toleratedMs] = numberList(text, '--apdex');
  if (satisfiedMs === undefined || toleratedMs === undefined || toleratedMs < satisfiedMs) {
    throw new ToolkitError('CLI_BAD_OPTION', `--apdex ${text}: expected SATISFIED,TOLERATED in ms with SATISFIED ≤ TOLERATED`, { option: '--apdex' });
  }
  return { satisfiedMs, toleratedMs };
}

function regex(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (error) {
    throw new ToolkitError('CLI_BAD_OPTION', `--labels ${text}: not a regular expression (${(error as Error).message})`, { option: '--labels' });
  }
}

function time(text: string, option: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (Number.isNaN(value)) throw new ToolkitError('CLI_BAD_OPTION', `${option} ${text}: expected epoch ms or an ISO 8601 time`, { option });
  return value;
}
