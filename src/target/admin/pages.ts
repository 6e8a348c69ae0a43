import { controls, fields } from './markup.js';

/** The two full pages of the admin UI: the login form and the dashboard, built once (they hold no data). */

/** ContextForge 1.1.0's seeded dashboard: 728,508 bytes; the login page 28,252. */
export const DASHBOARD_BYTES = 728_500;
const LOGIN_BYTES = 28_250;

const head = (title: string, scripts: readonly string[], styles: readonly string[]) =>
  `<!doctype html>\n<html lang="en" class="h-full">\n<head>\n<meta charset="UTF-8" />\n<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n<title>${title} - ContextForge</title>\n` +
  styles.map((s) => `<link rel="stylesheet" href="/static/${s}" />\n`).join('') +
  scripts.map((s) => `<script defer src="/static/${s}"></script>\n`).join('') +
  '</head>\n';

/** Completes a page to about `bytes` (one form field more at most) with hidden form templates before its end. */
function padded(start: string, end: string, bytes: number): string {
  const open = '<div hidden class="templates">\n';
  const close = '</div>\n';
  return `${start}${open}${fields(bytes - start.length - open.length - close.length - end.length)}${close}${end}`;
}

function buildLogin(): string {
  const start =
    head('Sign In', ['js/login.js'], ['css/tailwind.min.css', 'css/auth-animations.css']) +
    '<body class="h-full bg-gray-50 dark:bg-gray-900">\n<main class="min-h-full flex">\n' +
    '<form method="post" action="/admin/login" class="space-y-6 w-full max-w-md" id="login-form">\n' +
    '<input type="hidden" name="csrf_token" value="" />\n' +
    '<label for="email">Email address</label><input id="email" name="email" type="email" autocomplete="email" required />\n' +
    '<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required />\n' +
    '<button type="submit">Sign in</button>\n</form>\n';
  return padded(start, '</main>\n</body>\n</html>\n', LOGIN_BYTES);
}

/**
 * What the dashboard loads as soon as it is shown (hx-trigger "load"): 21 elements on 1.1.0, by the panel that
 * holds them. The catalogue panel's server form and the edit dialog each embed the four item selectors.
 */
const LOAD_TRIGGERED: Readonly<Record<string, readonly string[]>> = {
  catalog: [
    '/admin/servers/partial',
    '/admin/gateways/partial?page=1&per_page=50&render=selector',
    '/admin/tools/partial?page=1&per_page=50&render=selector',
    '/admin/resources/partial?page=1&per_page=20&render=selector',
    '/admin/prompts/partial?page=1&per_page=20&render=selector',
  ],
  tools: ['/admin/tools/partial'],
  resources: ['/admin/resources/partial'],
  prompts: ['/admin/prompts/partial'],
  overview: ['/admin/overview/partial'],
  gateways: ['/admin/gateways/partial'],
  users: ['/admin/users/partial?page=1&per_page=50'],
  tokens: ['/admin/tokens/partial'],
  agents: ['/admin/a2a/partial'],
  metrics: ['tools', 'resources', 'prompts', 'servers'].map((e) => `/admin/metrics/partial?entity_type=${e}&page=1&per_page=10`),
  'edit-server': [
    '/admin/gateways/partial?page=1&per_page=50&render=selector',
    '/admin/tools/partial?page=1&per_page=20&render=selector',
    '/admin/resources/partial?page=1&per_page=20&render=selector',
    '/admin/prompts/partial?page=1&per_page=20&render=selector',
  ],
};

const loader = (panel: string, url: string, i: number) =>
  `<div id="${panel}-load-${i}" hx-get="${url}" hx-trigger="load" hx-swap="outerHTML" hx-indicator="#${panel}-loading"></div>\n`;

function buildDashboard(): string {
  const panels = Object.entries(LOAD_TRIGGERED);
  const share = Math.floor((DASHBOARD_BYTES - 8_000) / panels.length);
  const body = panels
    .map(([panel, urls], p) => {
      const top = `<section id="${panel}-panel" class="tab-panel hidden" role="tabpanel">\n<div class="flex gap-2 mb-4">\n${controls(1_500)}</div>\n`;
      const loads = urls.map((u, i) => loader(panel, u, i)).join('');
      return `${top}${loads}<form class="add-${panel}">\n${fields(share - top.length - loads.length - 200, p * 1000)}</form>\n</section>\n`;
    })
    .join('');
  const start =
    head('Admin', ['js/password-validator.js', 'bundle.js', 'gantt-chart.js', 'flame-graph.js'], [
      'css/tailwind.min.css', 'css/auth-animations.css', 'assets/index.css', 'assets/vendor-editor.css', 'admin.css', 'gantt-chart.css', 'flame-graph.css',
    ]) +
    '<body class="h-full bg-gray-100 dark:bg-gray-900">\n<nav class="tabs">' +
    panels.map(([panel]) => `<a href="#${panel}" id="tab-${panel}" class="tab-link">${panel}</a>`).join('') +
    '</nav>\n<main id="admin-main">\n' +
    body;
  return padded(start, '</main>\n</body>\n</html>\n', DASHBOARD_BYTES);
}

let login: Buffer | undefined;
let dashboard: Buffer | undefined;

export const loginPage = (): Buffer => (login ??= Buffer.from(buildLogin()));
export const dashboardPage = (): Buffer => (dashboard ??= Buffer.from(buildDashboard()));
