/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the page: they see the DOM.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`: .ci/run, make setup); never a downloaded browser build. */
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots kept for people to look at (gitignored). */
export const ARTIFACTS = resolve('test-artifacts/report');

/** Without these flags Chromium waits on network services this closed machine does not have. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface OpenedReport {
  readonly page: Page;
  readonly consoleErrors: string[];
  /** Every URL the page asked for, the page itself included. */
  readonly requests: string[];
  readonly dialogs: string[];
}

export interface ReportBrowser {
  open(htmlPath: string, o?: { colorScheme?: 'light' | 'dark'; width?: number }): Promise<OpenedReport>;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile folder, removed on close. */
export async function launchBrowser(): Promise<ReportBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium; .ci/run does it in CI)`);
  const profile = mkdtempSync(join(tmpdir(), 'jtl-report-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    async open(htmlPath, o = {}) {
      const page = await context.newPage();
      const opened: OpenedReport = { page, consoleErrors: [], requests: [], dialogs: [] };
      page.on('console', (m) => m.type() === 'error' && opened.consoleErrors.push(m.text()));
      page.on('pageerror', (e) => opened.consoleErrors.push(`page error: ${e.message}`));
      page.on('request', (r) => opened.requests.push(r.url()));
      page.on('dialog', (d) => {
        opened.dialogs.push(d.message());
        void d.dismiss();
      });
      await page.emulateMedia({ colorScheme: o.colorScheme ?? 'light' });
      if (o.width !== undefined) await page.setViewportSize({ width: o.width, height: 900 });
      await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
      return opened;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** For each chart canvas: its id and how many of its pixels are not transparent. */
export const canvasInk = (page: Page): Promise<Array<{ id: string; inked: number; points: number }>> =>
  page.evaluate(() =>
    [...document.querySelectorAll('canvas')].map((c) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked += 1;
      // Chart.js keeps its charts by canvas: count the data points it drew from.
      const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { datasets: Array<{ data: unknown[] }> } } | undefined } }).Chart.getChart(c);
      const points = chart?.data.datasets.reduce((n, d) => n + d.data.filter((v) => v !== null).length, 0) ?? 0;
      return { id: c.id, inked, points };
    }),
  );

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}
