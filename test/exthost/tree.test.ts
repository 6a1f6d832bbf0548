import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { MlflowRegistryApi, TreeRow } from '../../src/api';
import { RegistryClient } from '../../src/registry/client';
import { eventually } from '../support/eventually';
import { activateExtension, requestMark, requestsSince } from './support/extension';

const WALKTHROUGH = 'power-forecasting-model';

/**
 * A tooltip as a reader sees it: its Markdown rendered by a renderer that honours raw HTML (the
 * worst case), then the HTML elements it made and the text it shows.
 */
function renderedTooltip(markdown: string): { tags: string[]; hrefs: string[]; text: string } {
  const html = new MarkdownIt({ html: true }).render(markdown);
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return {
    tags: [...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase()),
    hrefs: [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]),
    text,
  };
}

describe('the registry tree through the extension API', () => {
  let api: MlflowRegistryApi;
  let top: TreeRow[];
  before(async () => {
    api = await activateExtension();
    top = await api.tree.children();
  });

  it('lists the walkthrough model with its latest version per stage', () => {
    const row = top.find((r) => r.label === WALKTHROUGH);
    assert.ok(row, top.map((r) => r.label).join(', '));
    assert.equal(row.description, 'Production v2 · Staging v3 · None v4');
    assert.match(row.contextValue ?? '', /^mlflowRegistry\.model;alias;tag;$/);
    assert.match(row.tooltip ?? '', /power output of a wind farm/);
    assert.equal(api.tree.state().kind, 'ready');
  });

  it('groups versions by stage and marks the champion and challenger', async () => {
    const groups = await api.tree.children(`model:${WALKTHROUGH}`);
    assert.deepEqual(
      groups.map((g) => `${g.label} ${g.description}`),
      ['Production 2', 'Staging 1', 'None 1'],
    );
    const production = await api.tree.children(groups[0].id);
    assert.deepEqual(
      production.map((v) => v.label),
      ['Version 2', 'Version 1'],
    );
    assert.match(production[0].description ?? '', /^@champion · /);
    assert.match(production[0].contextValue ?? '', /^mlflowRegistry\.version;stage:Production;status:READY;alias;tag;$/);
    const staging = await api.tree.children(groups[1].id);
    assert.match(staging[0].description ?? '', /^@challenger/);
  });

  it('a flat list when grouping by stage is off, highest version first', async () => {
    const config = vscode.workspace.getConfiguration('mlflowRegistry');
    await config.update('tree.groupByStage', false, vscode.ConfigurationTarget.Global);
    try {
      await eventually(
        async () => {
          await api.tree.children();
          assert.deepEqual(
            (await api.tree.children(`model:${WALKTHROUGH}`)).map((v) => v.label),
            ['Version 4', 'Version 3', 'Version 2', 'Version 1'],
          );
        },
        { timeout: 10_000, message: 'the versions as a flat list' },
      );
    } finally {
      await config.update('tree.groupByStage', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('counts its requests: listing the models is one search, with no request per model', async () => {
    const mark = requestMark(api);
    const lastBefore = api.requests().at(-1);
    await vscode.commands.executeCommand('mlflowRegistry.refresh');
    const listed = await api.tree.children();
    assert.ok(
      listed.some((r) => r.label === WALKTHROUGH),
      'the refreshed view lists the models',
    );
    const sent = requestsSince(api, mark).filter((r) => r.path.startsWith('api/'));
    assert.equal(sent.filter((r) => r.path.endsWith('registered-models/search')).length, 1, JSON.stringify(sent));
    assert.equal(sent.filter((r) => r.path.endsWith('registered-models/get')).length, 0, JSON.stringify(sent));
    // The count and the log agree: the count rose by exactly the records the log gained.
    const log = api.requests();
    const gained = lastBefore ? log.length - 1 - log.indexOf(lastBefore) : log.length;
    assert.ok(!lastBefore || log.includes(lastBefore), 'the log still holds the record from before the refresh');
    assert.equal(api.requestCount() - mark, gained, 'requestCount() counts each try the log records');
  });

  it('tooltips escape registry text: a hostile description is shown as text, never as markup', async () => {
    const client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    const name = `hostile-${Date.now().toString(36)}`;
    const description = '<img src=x onerror=alert(1)> <script>alert(2)</script> [quit](command:workbench.action.quit) *not bold*';
    await client.models.create(name, { description });
    try {
      await vscode.commands.executeCommand('mlflowRegistry.refresh');
      const row = (await api.tree.children()).find((r) => r.label === name);
      assert.ok(row, 'the new model is listed after a refresh');
      const seen = renderedTooltip(row.tooltip ?? '');
      assert.ok(
        seen.text.includes(description),
        `the reader sees the description, character for character:\n${seen.text}\n(Markdown: ${row.tooltip})`,
      );
      assert.deepEqual(
        seen.tags.filter((t) => !['p', 'strong', 'br'].includes(t)),
        [],
        `no element from the description (img, script, a): ${row.tooltip}`,
      );
      assert.deepEqual(seen.hrefs, [], 'no link, so no command: link to click');
    } finally {
      await client.models.delete(name);
      await client.close();
    }
  });
});
