/**
 * Comparing two runs. For the HTML report and other callers:
 *   const { analysis, digest } = await digestJtl(files);          // one read: the analysis AND the per-window data
 *   const baseline = await loadDigest('baselines/main.json');     // or a JTL, a run folder
 *   const { model, findings } = compareRuns(baseline, digest);    // pure
 * Already analyzing yourself? Pass `onSample: windows.add` (a `new LabelWindows()`) to analyzeJtl, then
 * `digestOf(analysis, windows.result())`.
 */
export { baselineJson, parseBaseline } from './baseline-file.js';
export { compareRuns, comparisonFindings, type Comparison } from './compare.js';
export { digestJtl, digestOf } from './digest.js';
export { loadDigest } from './inputs.js';
export * from './types.js';
export { LabelWindows } from '../stats/label-windows.js';
