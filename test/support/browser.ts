// Debian's Chromium driven by playwright-core, for the tests that look at pages as a person would.
// scripts/ensure-chromium.mjs installs it (npm test runs it first); MLOPS_CHROMIUM names another binary.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './run-action.ts';

export const CHROMIUM = process.env.MLOPS_CHROMIUM ?? '/usr/bin/chromium';
/** Where the tests leave their screenshots (CI keeps out/ as its artifact). */
export const SCREENSHOTS = path.join(REPO_ROOT, 'out', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run node scripts/ensure-chromium.mjs (it installs Debian's chromium), or set MLOPS_CHROMIUM`);
  await mkdir(SCREENSHOTS, { recursive: true });
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A page that records every console error, page error and request it makes. */
export async function watchedPage(browser: Browser, viewport = { width: 1100, height: 900 }): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport, javaScriptEnabled: false });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  return { page, errors, requests };
}
