/** Drives a real VS Code (code-server) in Debian's Chromium through Playwright, as a person would. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { projectRoot } from '../../../scripts/testbed/paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export class Workbench {
  private constructor(readonly browser: Browser, readonly page: Page) {}

  static async open(url: string): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return new Workbench(browser, page);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Clicks the activity-bar entry of the MLflow view container. */
  async openRegistryView(): Promise<void> {
    const entry = this.page.locator('.activitybar [aria-label^="MLflow Registry"]').first();
    await entry.waitFor({ timeout: 30_000 });
    await entry.click();
    await this.page.locator('[id="workbench.view.extension.mlflowRegistry"]').first().waitFor({ timeout: 30_000 });
  }

  /** The rows of the registry tree, as their visible text. */
  treeRows(): Locator {
    return this.page.locator('.part.sidebar .monaco-list-row');
  }

  row(label: string): Locator {
    return this.page.locator(`.part.sidebar .monaco-list-row:has(.label-name .monaco-highlighted-label:text-is("${label}"))`).first();
  }

  async rowTexts(): Promise<string[]> {
    const rows = this.treeRows();
    const n = await rows.count();
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(((await rows.nth(i).innerText()) ?? '').replace(/\s+/g, ' ').trim());
    return out;
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.waitForTimeout(400);
    await this.page.keyboard.press('Enter');
  }

  async screenshot(name: string): Promise<string> {
    const dir = path.join(projectRoot(), 'test-artifacts', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
