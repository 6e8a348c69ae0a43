import type { Aggregation } from '../stats/aggregation.js';
import { OTHER_LABELS } from '../stats/aggregation.js';
import type { StatsMode } from '../stats/types.js';
import { addNote, type ReadIssues } from './sample.js';

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Notes on what the statistics rest on, for the outputs to say: rows with timeStamp 0, timestamps far from the rest
 * of the run, files without samples, labels grouped by --max-labels.
 */
export function noteAggregation(issues: ReadIssues, files: readonly { readonly file: string; readonly samples: number }[], aggregation: Aggregation, o: { readonly mode: StatsMode; readonly maxLabels?: number; readonly filtered: boolean }): void {
  const { mode, maxLabels } = o;
  const { zeroTimestamps, firstZeroLine, groupedLabels, groupedSamples } = aggregation.counters;
  if (zeroTimestamps > 0) {
    const [fileIndex, line] = [...firstZeroLine][0] ?? [0, 0];
    const treatment = mode === 'exact'
      ? 'counted as failed samples and left out of the time range (throughput, the time series)'
      : 'counted as JMeter does: in the time range, which then starts in 1970 (throughput is meaningless)';
    addNote(issues, { file: files[fileIndex]?.file ?? '', line, byteOffset: -1, reason: `${zeroTimestamps} sample(s) with timeStamp 0 (the WebSocket plugin writes them for "no connection"), the first here: ${treatment}` });
  }
  for (const o of aggregation.timeOutliers()) {
    addNote(issues, {
      file: files[o.file]?.file ?? '',
      line: o.line,
      byteOffset: -1,
      reason: `${o.count} sample(s) dated ${date(o.firstMs)}${o.lastMs - o.firstMs > 86_400_000 ? ` to ${date(o.lastMs - 1)}` : ''}, ${o.daysAway} days away from the rest of the run, the first here: the time span, throughput and the time series include them; check the clock or the file`,
    });
  }
  if (files.length > 1) {
    const reason = o.filtered ? 'no samples in this file match the filters' : 'no samples in this file (the others are merged without it)';
    for (const f of files) if (f.samples === 0) addNote(issues, { file: f.file, line: 0, byteOffset: -1, reason });
  }
  if (groupedSamples > 0) {
    addNote(issues, { file: '', line: 0, byteOffset: -1, reason: `more than ${maxLabels} labels: ${groupedSamples} sample(s) of ${groupedLabels >= 10_000 ? '10,000 or more' : groupedLabels} further label(s) are grouped in the row "${OTHER_LABELS}" (--max-labels)` });
  }
}
