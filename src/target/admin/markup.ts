/**
 * Markup of realistic weight for the admin pages. The 1.1.0 UI is heavy (a 728 KB dashboard, 10-50 KB tables):
 * what it costs a load test is bytes on the wire and the text a JMeter assertion scans, so the stand-in sends
 * as many bytes, made of the same kind of markup (Tailwind-classed controls with inline SVG icons).
 */
const ICONS = [
  'M15 12a3 3 0 11-6 0 3 3 0 016 0z',
  'M11 5H6a2 2 0 00-2 2v11a2 2 0 002 2h11a2 2 0 002-2v-5m-1.414-9.414a2 2 0 112.828 2.828L11.828 15H9v-2.828l8.586-8.586z',
  'M19 7l-.867 12.142A2 2 0 0116.138 21H7.862a2 2 0 01-1.995-1.858L5 7m5 4v6m4-6v6m1-10V4a1 1 0 00-1-1h-4a1 1 0 00-1 1v3M4 7h16',
  'M4 4v5h.582m15.356 2A8.001 8.001 0 004.582 9m0 0H9m11 11v-5h-.581m0 0a8.003 8.003 0 01-15.357-2m15.357 2H15',
];
const ACTIONS = ['View', 'Edit', 'Delete', 'Refresh', 'Test', 'Export', 'Deactivate', 'Copy ID'];

const control = (i: number) =>
  `<button type="button" class="inline-flex items-center px-3 py-1.5 text-sm font-medium rounded-md text-gray-700 bg-white border border-gray-300 hover:bg-gray-50 dark:bg-gray-800 dark:text-gray-200 dark:border-gray-600" data-action="${ACTIONS[i % ACTIONS.length]!.toLowerCase()}">` +
  `<svg class="w-4 h-4 mr-1" fill="none" stroke="currentColor" viewBox="0 0 24 24" aria-hidden="true"><path stroke-linecap="round" stroke-linejoin="round" stroke-width="2" d="${ICONS[i % ICONS.length]}"/></svg>` +
  `${ACTIONS[i % ACTIONS.length]}</button>\n`;

const field = (i: number) =>
  `<div class="mb-4"><label for="field-${i}" class="block text-sm font-medium text-gray-700 dark:text-gray-300">Field ${i}</label>` +
  `<input type="text" id="field-${i}" name="field_${i}" class="mt-1 block w-full rounded-md border-gray-300 shadow-sm focus:border-indigo-500 focus:ring-indigo-500 dark:bg-gray-900 dark:border-gray-700 dark:text-gray-300" />` +
  `<p class="mt-1 text-xs text-gray-500 dark:text-gray-400">Optional. Leave empty to keep the gateway default.</p></div>\n`;

/** Controls (buttons with icons) of at least `bytes` bytes. */
export function controls(bytes: number): string {
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += control(i);
  return out;
}

/** Form fields of at least `bytes` bytes. */
export function fields(bytes: number, from = 0): string {
  let out = '';
  for (let i = from; out.length < bytes; i++) out += field(i);
  return out;
}


/** Text inside HTML (element content or a quoted attribute). */
export const htmlText = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
