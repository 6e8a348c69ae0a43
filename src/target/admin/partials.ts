import type { AdminCatalogue, AdminItem } from './catalogue.js';
import { controls, fields, htmlText } from './markup.js';

/**
 * The HTML fragments htmx loads into the dashboard (`/admin/<section>/partial`), of the 1.1.0 sizes with the
 * seeded data: the tab tables (tools 49 KB for 5 tools, servers 16 KB, gateways 23 KB), the selector lists
 * (`render=selector`, 1-3 KB), the overview (18 KB), metrics, users, tokens, agents and teams (7-10 KB).
 */
type Variant =
  | { readonly kind: 'table'; readonly section: TableSection }
  | { readonly kind: 'selector'; readonly section: TableSection }
  | { readonly kind: 'block'; readonly section: string; readonly bytes: number };

type TableSection = 'tools' | 'servers' | 'gateways' | 'resources' | 'prompts' | 'a2a';

/** Bytes per table row: most of a row is its action buttons. */
const ROW_BYTES: Readonly<Record<TableSection, number>> = { tools: 9_400, servers: 14_500, gateways: 10_900, resources: 6_000, prompts: 6_000, a2a: 0 };
const TABLE_ID: Readonly<Record<TableSection, string>> = { tools: 'tools-table', servers: 'servers-table', gateways: 'gateways-table', resources: 'resources-table', prompts: 'prompts-table', a2a: 'agents-table' };
const BLOCK_BYTES: Readonly<Record<string, number>> = { overview: 18_200, metrics: 9_300, users: 9_400, tokens: 7_100, teams: 8_900 };
const METRIC_ENTITIES = new Set(['tools', 'resources', 'prompts', 'servers']);

/** Which fragment a path and query ask for; undefined when 1.1.0 has no such partial. */
function variantOf(path: string, query: URLSearchParams): Variant | undefined {
  if (path === '/admin/teams') return { kind: 'block', section: 'teams-list', bytes: 10_200 };
  const section = /^\/admin\/([a-z0-9]+)\/partial$/.exec(path)?.[1];
  if (section === undefined) return undefined;
  if (section in ROW_BYTES) {
    const table = section as TableSection;
    return query.get('render') === 'selector' && table !== 'a2a' ? { kind: 'selector', section: table } : { kind: 'table', section: table };
  }
  if (section === 'metrics') {
    const entity = query.get('entity_type') ?? 'tools';
    return { kind: 'block', section: `metrics-${METRIC_ENTITIES.has(entity) ? entity : 'tools'}`, bytes: BLOCK_BYTES.metrics! };
  }
  const bytes = BLOCK_BYTES[section];
  return bytes === undefined ? undefined : { kind: 'block', section, bytes };
}

const itemsOf = (section: TableSection, c: AdminCatalogue): readonly AdminItem[] => (section === 'a2a' ? [] : c[section]);

function table(section: TableSection, c: AdminCatalogue): string {
  const rows = itemsOf(section, c)
    .map((i) => `<tr id="${section}-row-${i.id}" class="hover:bg-gray-50"><td class="px-6 py-4 font-medium">${htmlText(i.name)}</td><td class="px-6 py-4 text-sm">${htmlText(i.description)}</td><td class="px-6 py-4 actions">\n${controls(ROW_BYTES[section])}</td></tr>\n`)
    .join('');
  const empty = rows === '' ? `<tr><td colspan="3" class="text-center text-gray-500">No ${section} found</td></tr>\n${controls(7_500)}` : '';
  return `<table id="${TABLE_ID[section]}" class="min-w-full divide-y divide-gray-200 dark:divide-gray-700">\n<thead><tr><th>Name</th><th>Description</th><th>Actions</th></tr></thead>\n<tbody>\n${rows}${empty}</tbody>\n</table>\n<nav class="pagination">${controls(900)}</nav>\n`;
}

function selector(section: TableSection, c: AdminCatalogue): string {
  const items = itemsOf(section, c)
    .map((i) => `<label class="flex items-center space-x-2 p-2 rounded hover:bg-gray-50 dark:hover:bg-gray-700 cursor-pointer"><input type="checkbox" name="associated_${section}" value="${i.id}" data-name="${htmlText(i.name)}" class="rounded border-gray-300 text-indigo-600" /><span class="text-sm font-medium text-gray-900 dark:text-gray-100">${htmlText(i.name)}</span><span class="ml-2 text-xs text-gray-500 dark:text-gray-400 truncate">${htmlText(i.description)}</span></label>\n`)
    .join('');
  return `<!-- ${section} selector items -->\n<div class="selector-items" data-section="${section}">\n${items}</div>\n<div class="sentinel" hx-trigger="revealed once"></div>\n`;
}

function block(section: string, bytes: number, c: AdminCatalogue): string {
  const names = section === 'users' ? c.users.map((u) => htmlText(u.email)) : [];
  const start = `<div id="${section}-partial" class="space-y-6">\n${names.map((n) => `<div class="user-card">${n}</div>\n`).join('')}`;
  return `${start}${fields(bytes - start.length - 8)}</div>\n`;
}

function render(v: Variant, c: AdminCatalogue): string {
  if (v.kind === 'table') return table(v.section, c);
  if (v.kind === 'selector') return selector(v.section, c);
  return block(v.section, v.bytes, c);
}

const cache = new WeakMap<AdminCatalogue, Map<string, Buffer>>();

/** The fragment for an admin path and query, or undefined; built once per catalogue and variant. */
export function adminPartial(path: string, query: URLSearchParams, c: AdminCatalogue): Buffer | undefined {
  const v = variantOf(path, query);
  if (v === undefined) return undefined;
  const byVariant = cache.get(c) ?? new Map<string, Buffer>();
  cache.set(c, byVariant);
  const key = `${v.kind} ${v.section}`;
  let html = byVariant.get(key);
  if (html === undefined) byVariant.set(key, (html = Buffer.from(render(v, c))));
  return html;
}
