/// <reference lib="dom" />
/** Drives a real VS Code (code-server) in Debian's Chromium through Playwright, as a person would. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '../../../scripts/testbed/paths';
import { eventually } from '../../support/eventually';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export class Workbench {
  private constructor(
    readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(url: string): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Clipboard access as a person's browser grants it, so copy commands can be checked.
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
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

  /** Each visible row as "label description", in screen order. */
  async rowTexts(): Promise<string[]> {
    return this.treeRows().evaluateAll((rows) =>
      rows
        .map((r) => ({ top: Number(r.getAttribute('data-index') ?? 0), el: r }))
        .sort((a, b) => a.top - b.top)
        .map(({ el }) => {
          const label = el.querySelector('.label-name')?.textContent?.trim() ?? '';
          const description = el.querySelector('.label-description')?.textContent?.trim() ?? '';
          return description ? `${label} ${description}` : label;
        }),
    );
  }

  /** Expands or collapses a row by its twistie, and waits until it shows the wanted state. */
  async setExpanded(row: Locator, expanded: boolean): Promise<void> {
    if ((await row.getAttribute('aria-expanded')) !== String(expanded)) await row.locator('.monaco-tl-twistie').click();
    await this.page.waitForFunction(([el, want]) => el?.getAttribute('aria-expanded') === want, [
      await row.elementHandle(),
      String(expanded),
    ] as const);
  }

  /** Right-clicks a row and chooses an entry of its context menu (see docs/real-vscode.md). */
  async contextMenu(row: Locator, entry: string): Promise<void> {
    await this.calmMouse();
    await row.click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu');
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    // A menu ignores a click that comes too soon after it opened: hover first, and click again while it stays open.
    const item = this.page.locator(`.context-view >> text="${entry}"`);
    await item.hover();
    // Not a wait for state: VS Code drops a click that comes too soon after the menu opened, and shows nothing to wait for.
    await this.page.waitForTimeout(300);
    for (let attempt = 0; attempt < 3 && (await menu.isVisible()); attempt++) {
      await item.click().catch(() => undefined);
      await menu.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    }
    if (await menu.isVisible()) throw new Error(`the context menu did not close after choosing ${entry}`);
  }

  /** Moves the pointer off the tree so no row tooltip covers a panel or the next row. */
  async calmMouse(): Promise<void> {
    await this.page.mouse.move(900, 700);
    await this.page.keyboard.press('Escape');
    await eventually(
      async () => assert.equal(await this.page.locator('.monaco-hover:visible, .context-view .monaco-menu:visible').count(), 0),
      {
        timeout: 10_000,
        interval: 100,
        message: 'no hover or menu left open',
      },
    );
  }

  /**
   * Runs `action` (a click on a link or a menu entry) and returns the URL of the browser page it
   * opened; VS Code may first ask whether to open an external site, and this answers Open.
   */
  async externalPageOpenedBy(action: () => Promise<void>): Promise<string> {
    const popup = this.page.context().waitForEvent('page', { timeout: 30_000 });
    await action();
    const open = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ }).first();
    const first = await Promise.race([popup.then(() => 'page'), open.waitFor({ timeout: 30_000 }).then(() => 'dialog')]);
    if (first === 'dialog') await open.click();
    const page = await popup;
    const url = await eventually(
      () => {
        assert.notEqual(page.url(), 'about:blank');
        return page.url();
      },
      { timeout: 15_000, interval: 100, message: 'the opened page to leave about:blank' },
    );
    await page.close();
    return url;
  }

  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    // Enter runs the focused entry: wait until the filtered list has put the command there.
    const focused = this.page.locator('.quick-input-widget .monaco-list-row.focused').first();
    await eventually(
      async () => assert.ok(((await focused.textContent({ timeout: 1000 })) ?? '').includes(title), `${title} not focused yet`),
      {
        timeout: 15_000,
        interval: 100,
        message: `"${title}" focused in the Command Palette`,
      },
    );
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
