import * as assert from 'node:assert/strict';
import type { Frame, Locator } from 'playwright-core';
import { RegistryClient } from '../../src/registry/client';
import { eventually } from '../support/eventually';
import { useE2eSession } from './support/session';

const WALKTHROUGH = 'power-forecasting-model';
const HOSTILE_MODEL = 'e2e-details-hostile-description';
const CONTACT_MODEL = 'e2e-details-contact';
const CONTACT_DESCRIPTION =
  'Owned by [the ML team](mailto:ml-team@example.com?subject=Wind%20farm%20model), on call: oncall@example.com. ' +
  'Its training data: ![the wind farm](https://example.com/windfarm.png)';
const IMG = `<img src=x onerror="document.title='pwned'">`;
const SCRIPT = `<script>document.title='pwned'</script>`;
const hostileDescription = (serverUrl: string) =>
  `Markup in this description must stay text: ${IMG}\n\n${SCRIPT}\n\nAnd **bold** Markdown still renders, ` +
  `with [the registry's models](${serverUrl}/#/models) as a link and [quit](command:workbench.action.quit) as text.`;
const SIGNATURE_INPUTS = [
  'temperature_00',
  'wind_direction_00',
  'wind_speed_00',
  'temperature_08',
  'wind_direction_08',
  'wind_speed_08',
  'temperature_16',
  'wind_direction_16',
  'wind_speed_16',
];

describe('details panel (showDetails) in a real VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);
  const session = useE2eSession({
    prepare: async (mlflow) => {
      const client = new RegistryClient({ baseUrl: mlflow.url });
      await client.models.create(HOSTILE_MODEL, { description: hostileDescription(mlflow.url) });
      await client.models.create(CONTACT_MODEL, { description: CONTACT_DESCRIPTION });
      await client.close();
    },
  });
  before(async () => {
    await session.wb.openRegistryView();
    await session.wb.row(WALKTHROUGH).waitFor({ timeout: 60_000 });
  });
  const contextMenu = (row: Locator, entry: string) => session.wb.contextMenu(row, entry);
  const calmMouse = () => session.wb.calmMouse();

  async function screenshot(name: string): Promise<void> {
    await calmMouse();
    await session.wb.screenshot(name);
  }

  /** The webview frame whose page shows `title` in its heading (webview frames sit inside VS Code's own). */
  async function detailsFrame(title: string, timeout = 60_000): Promise<Frame> {
    return eventually(
      async () => {
        const headings: string[] = [];
        for (const frame of session.wb.page.frames()) {
          const heading = await frame
            .locator('#details-root h1')
            .first()
            .textContent({ timeout: 200 })
            .catch(() => null);
          if (heading === title) return frame;
          if (heading !== null) headings.push(heading);
        }
        throw new Error(`the details panels show ${JSON.stringify(headings)}`);
      },
      { timeout, interval: 250, message: `a details webview titled "${title}"` },
    );
  }

  /** The frame of a details page by its state, before it has a heading (loading or failed). */
  async function frameWith(selector: string, timeout = 60_000): Promise<Frame> {
    return eventually(
      async () => {
        for (const frame of session.wb.page.frames()) {
          const found = await frame
            .locator(selector)
            .count()
            .then(
              (n) => n > 0,
              () => false,
            );
          if (found) return frame;
        }
        throw new Error(`no frame shows ${selector}`);
      },
      { timeout, interval: 250, message: `a frame showing ${selector}` },
    );
  }

  /** Clicks a link in a webview and returns the URL of the browser page it opened. */
  const followExternalLink = (link: Locator) => session.wb.externalPageOpenedBy(() => link.click());

  const tabs = (title: string) => session.wb.page.locator(`.tabs-container .tab:has(.label-name:text-is("${title}"))`);

  it("the context menu of Version 2 opens its details: the signature's nine input columns and the run's metric mse", async () => {
    await session.wb.setExpanded(session.wb.row(WALKTHROUGH), true);
    const v2 = session.wb.row('Version 2');
    await v2.waitFor({ timeout: 30_000 });
    await contextMenu(v2, 'Show Details');
    await tabs(`${WALKTHROUGH} v2`).waitFor({ timeout: 30_000 });
    const frame = await detailsFrame(`${WALKTHROUGH} v2`);
    await frame.locator('#signature-inputs table').waitFor({ timeout: 60_000 });
    assert.deepEqual(await frame.locator('#signature-inputs tbody tr td:first-child').allTextContents(), SIGNATURE_INPUTS);
    const metrics = await frame.locator('#run-metrics tbody tr td:first-child').allTextContents();
    assert.ok(metrics.includes('mse'), metrics.join(', '));
    const facts = await frame.locator('.facts').innerText();
    for (const expected of [
      'Registered at',
      'Created by',
      'Stage',
      'Production',
      'Last modified',
      'Status',
      'Ready',
      '@champion',
      'algorithm=random-forest',
      'Source run',
    ]) {
      assert.ok(facts.includes(expected), `facts show ${expected}:\n${facts}`);
    }
    assert.match(await frame.locator('#section-description').innerText(), /random forest containing 300 decision trees/);
    const params = await frame.locator('#run-params tbody tr td:first-child').allTextContents();
    assert.ok(params.includes('n_estimators'), params.join(', '));
    await screenshot('details-version');
    await frame.locator('#section-run').scrollIntoViewIfNeeded();
    await screenshot('details-version-run');
  });

  it("the source run link opens the run's page of the MLflow web UI in the browser", async () => {
    const frame = await detailsFrame(`${WALKTHROUGH} v2`);
    const url = await followExternalLink(frame.locator('.facts a', { hasText: 'random-forest' }));
    assert.match(url, /\/#\/experiments\/\d+\/runs\/[0-9a-f]{32}$/, url);
    assert.ok(url.startsWith(session.mlflow.url) || url.includes(`/proxy/${new URL(session.mlflow.url).port}/`), url);
  });

  it('showing the same version again reveals its panel instead of opening a second one', async () => {
    // Another panel in front first, so that the reveal shows: Version 2's tab becomes the active one again.
    await contextMenu(session.wb.row('Version 1'), 'Show Details');
    await detailsFrame(`${WALKTHROUGH} v1`);
    const activeTab = session.wb.page.locator('.tabs-container .tab.active .label-name');
    await eventually(async () => assert.equal(await activeTab.first().textContent({ timeout: 1000 }), `${WALKTHROUGH} v1`), {
      message: 'Version 1 in front',
    });
    await contextMenu(session.wb.row('Version 2'), 'Show Details');
    await eventually(async () => assert.equal(await activeTab.first().textContent({ timeout: 1000 }), `${WALKTHROUGH} v2`), {
      message: "Version 2's panel in front again",
    });
    assert.equal(await tabs(`${WALKTHROUGH} v2`).count(), 1, 'one panel for Version 2');
  });

  it('from the Command Palette it asks for the model, then the model itself or a version, and shows the model with its versions', async () => {
    // Focus the workbench first: keys typed while a webview has focus take a detour through its frame.
    await session.wb.page.locator('.part.sidebar .composite.title .title-label').first().click();
    await session.wb.runCommand('MLflow: Show Details');
    const rows = session.wb.page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: WALKTHROUGH }).first().click({ timeout: 30_000 });
    await rows.filter({ hasText: 'The model itself' }).first().waitFor({ timeout: 30_000 });
    assert.ok((await rows.filter({ hasText: 'Version 3' }).count()) >= 1, 'the versions are offered too');
    await session.wb.screenshot('details-palette-versions'); // not screenshot(): its Escape would close the pick
    await rows.filter({ hasText: 'The model itself' }).first().click();
    const frame = await detailsFrame(WALKTHROUGH);
    await frame.locator('#versions table').waitFor({ timeout: 60_000 });
    const versions = await frame.locator('#versions tbody tr td:first-child').allTextContents();
    assert.deepEqual(versions, ['Version 4', 'Version 3', 'Version 2', 'Version 1']);
    const aliases = await frame.locator('#versions tbody tr td:nth-child(3)').allTextContents();
    assert.deepEqual(aliases, ['', '@challenger', '@champion', '']);
    const facts = await frame.locator('.facts').innerText();
    assert.ok(facts.includes('domain=energy') && facts.includes('@champion → v2'), facts);
    assert.match(await frame.locator('#section-description').innerText(), /forecasts the power output of a wind farm/);
    await screenshot('details-model');

    // A version in the table opens that version's panel.
    await frame.locator('#versions tbody tr:nth-child(2) td:first-child a').click();
    const v3 = await detailsFrame(`${WALKTHROUGH} v3`);
    await v3.locator('#signature-inputs table').waitFor({ timeout: 60_000 });
  });

  it('a description holding <img onerror> and <script> shows them as text and runs neither', async () => {
    const row = session.wb.row(HOSTILE_MODEL);
    await row.waitFor({ timeout: 30_000 });
    await contextMenu(row, 'Show Details');
    const frame = await detailsFrame(HOSTILE_MODEL);
    const description = frame.locator('#section-description .markdown');
    await description.waitFor({ timeout: 30_000 });
    const text = await description.innerText();
    assert.ok(text.includes(IMG), text);
    assert.ok(text.includes(SCRIPT), text);
    assert.equal(await description.locator('strong').innerText(), 'bold', 'Markdown still renders');
    assert.deepEqual(await description.locator('a').allTextContents(), ["the registry's models"], 'only the http link is a link');
    assert.ok(text.includes('[quit](command:workbench.action.quit)'), 'a command: link stays text');
    // What proves that nothing ran is the page's DOM: no img, no script of the description's and no
    // onerror in it (a script inserted as a node never runs); the titles below are the visible sign.
    const dom = {
      title: await frame.title(),
      imgs: await frame.locator('img').count(),
      scripts: await frame.locator('script').evaluateAll((list) => list.map((s) => s.getAttribute('src') ?? 'inline')),
      inlineCode: await frame.locator('script:not([src])').allTextContents(),
      inRoot: await frame.locator('#details-root script, #details-root img, #details-root [onerror]').count(),
    };
    assert.equal(dom.imgs, 0, 'no img element');
    assert.equal(dom.inRoot, 0, 'no script, img or onerror in the page content');
    // VS Code injects one inline script of its own (acquireVsCodeApi); the page itself loads only the bundle.
    const loaded = dom.scripts.filter((s) => s !== 'inline');
    assert.equal(loaded.length, 1, `only the panel's own script: ${dom.scripts.join(', ')}`);
    assert.match(loaded[0], /\/dist\/webview\/details\.js$/);
    assert.ok(!dom.inlineCode.some((code) => code.includes('pwned')), 'no script from the description');
    assert.equal(dom.title, HOSTILE_MODEL);
    assert.notEqual(await session.wb.page.title(), 'pwned');
    await screenshot('details-hostile-description');
    const opened = await followExternalLink(description.locator('a', { hasText: "the registry's models" }));
    // code-server hands loopback URLs to the browser through its port proxy (as asExternalUri does).
    const port = new URL(session.mlflow.url).port;
    assert.ok(opened === `${session.mlflow.url}/#/models` || new RegExp(`/proxy/${port}/#/models$`).test(opened), opened);
  });

  it('a mailto link and a bare address are links to write to; an image shows as its alt text', async () => {
    const row = session.wb.row(CONTACT_MODEL);
    await row.waitFor({ timeout: 30_000 });
    await contextMenu(row, 'Show Details');
    const frame = await detailsFrame(CONTACT_MODEL);
    const description = frame.locator('#section-description .markdown');
    await description.waitFor({ timeout: 30_000 });
    const links = await description.locator('a').evaluateAll((list) => list.map((a) => [a.textContent, a.getAttribute('href')]));
    assert.deepEqual(links, [
      ['the ML team', 'mailto:ml-team@example.com?subject=Wind%20farm%20model'],
      ['oncall@example.com', 'mailto:oncall@example.com'],
    ]);
    assert.match(await description.innerText(), /Its training data: the wind farm$/);
    assert.equal(await frame.locator('img').count(), 0, 'no image loaded');
  });

  it('a registry that does not answer shows the error sentence and Retry; Retry after a restart shows the details', async () => {
    await session.mlflow.halt();
    try {
      await contextMenu(session.wb.row('Version 4'), 'Show Details');
      const frame = await frameWith('.state.error button', 90_000);
      const error = await frame.locator('.state.error').innerText();
      assert.match(error, /nothing is listening there/, error);
      await screenshot('details-error');
    } finally {
      await session.mlflow.resume();
    }
    const frame = await frameWith('.state.error button');
    await frame.locator('.state.error button', { hasText: 'Retry' }).click();
    const v4 = await detailsFrame(`${WALKTHROUGH} v4`);
    await v4.locator('#signature-inputs table').waitFor({ timeout: 60_000 });
    await screenshot('details-after-retry');
  });

  it("the panel's Refresh shows a description changed elsewhere", async () => {
    const v4 = await detailsFrame(`${WALKTHROUGH} v4`);
    const changed = `Linear baseline, described again by a colleague at ${new Date().toISOString()}.`;
    const client = new RegistryClient({ baseUrl: session.mlflow.url });
    const before = (await client.versions.get(WALKTHROUGH, '4')).description ?? '';
    await client.versions.update(WALKTHROUGH, '4', changed);
    try {
      assert.doesNotMatch(
        await v4.locator('#section-description').innerText(),
        /described again by a colleague/,
        'the panel shows what it read before',
      );
      await v4.locator('.header button.refresh', { hasText: 'Refresh' }).click();
      const fresh = await detailsFrame(`${WALKTHROUGH} v4`);
      await fresh.locator('#section-description', { hasText: 'described again by a colleague' }).waitFor({ timeout: 30_000 });
      await screenshot('details-refreshed');
    } finally {
      await client.versions.update(WALKTHROUGH, '4', before);
      await client.close();
    }
  });
});
