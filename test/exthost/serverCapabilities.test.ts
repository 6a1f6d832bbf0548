import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FaultProxy } from '../../scripts/testbed/faultProxy';
import type { MlflowRegistryApi, TreeRow } from '../../src/api';
import { eventually } from '../support/eventually';
import { activateExtension } from './support/extension';

const WALKTHROUGH = 'power-forecasting-model';
const VERSION = '/version';
const ALIAS = 'registered-models/alias';
const ENDPOINT_NOT_FOUND = JSON.stringify({
  error_code: 'ENDPOINT_NOT_FOUND',
  message: 'No API endpoint for /api/2.0/mlflow/registered-models/alias',
});
const sameUrl = (a: string | undefined, b: string) => a?.replace(/\/+$/, '') === b.replace(/\/+$/, '');

describe('server capabilities: alias features hidden, with one explanation, where the server lacks them', () => {
  let api: MlflowRegistryApi;
  let realUrl: string;
  const proxies: FaultProxy[] = [];
  const config = () => vscode.workspace.getConfiguration('mlflowRegistry');
  let savedTrackingUri: unknown;

  /** Points the extension at `url` and waits until it has connected there and knows what it supports. */
  async function connectTo(url: string) {
    await config().update('trackingUri', url, vscode.ConfigurationTarget.Global);
    return eventually(
      () => {
        const caps = api.capabilities();
        assert.ok(sameUrl(api.registryUrl(), url) && caps, `connected to ${api.registryUrl()}, capabilities ${JSON.stringify(caps)}`);
        return caps;
      },
      { message: `the connection to ${url} and its capabilities` },
    );
  }

  /** The walkthrough's model row and its version 2 (alias champion on the real server), listed as the view lists them. */
  async function walkthroughRows(): Promise<{ model: TreeRow; v2: TreeRow }> {
    const model = (await api.tree.children()).find((r) => r.label === WALKTHROUGH);
    assert.ok(model, 'the walkthrough model is listed');
    await api.tree.children(model.id);
    const v2 = (await api.tree.children(`stage:${WALKTHROUGH}:Production`)).find((r) => r.label === 'Version 2');
    assert.ok(v2, 'version 2 is listed under Production');
    return { model, v2 };
  }

  async function proxyInFront(): Promise<{ proxy: FaultProxy; url: string }> {
    const proxy = new FaultProxy(realUrl);
    proxies.push(proxy);
    return { proxy, url: await proxy.start() };
  }

  before(async () => {
    api = await activateExtension();
    realUrl = process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL!;
    savedTrackingUri = config().inspect('trackingUri')?.globalValue;
  });

  after(async function () {
    this.timeout(60_000);
    await config().update('trackingUri', savedTrackingUri, vscode.ConfigurationTarget.Global);
    // Leave the extension as the other suites expect it: on the real server, aliases shown.
    await eventually(
      () =>
        assert.ok(
          sameUrl(api.registryUrl(), realUrl) && api.capabilities()?.aliases === true,
          `connected to ${api.registryUrl()}, capabilities ${JSON.stringify(api.capabilities())}`,
        ),
      { message: 'the real server again, with aliases' },
    );
    await api.tree.children();
    for (const p of proxies) await p.stop();
  });

  it('the real server: aliases on, no notice, and version 2 shows @champion', async () => {
    const caps = await eventually(
      () => {
        const c = api.capabilities();
        assert.ok(c, 'not known yet');
        return c;
      },
      { message: 'capabilities of the real server' },
    );
    assert.equal(caps?.aliases, true);
    assert.match(caps?.serverVersion ?? '', /^3\./);
    assert.ok(!api.requests().some((r) => r.path.includes(ALIAS)), 'no probe when /version says 2.3 or later');
    const { model, v2 } = await walkthroughRows();
    assert.match(model.contextValue ?? '', /alias;/);
    assert.match(v2.description ?? '', /^@champion · /);
    assert.match(v2.contextValue ?? '', /alias;/);
    assert.ok(!/alias/i.test(api.tree.message() ?? ''), api.tree.message());
  });

  it('MLflow 2.2.0 (a proxy says so, and answers the alias endpoint ENDPOINT_NOT_FOUND): aliases hidden, one explanation', async function () {
    this.timeout(90_000);
    const { proxy, url } = await proxyInFront();
    proxy.inject(
      { kind: 'status', status: 200, body: '2.2.0', contentType: 'text/plain; charset=utf-8' },
      { pathPart: VERSION, times: 1000 },
    );
    proxy.inject({ kind: 'status', status: 404, body: ENDPOINT_NOT_FOUND }, { pathPart: ALIAS, times: 1000 });
    const caps = await connectTo(url);
    assert.deepEqual(caps, { serverVersion: '2.2.0', aliases: false, aliasesReason: 'version' });
    assert.equal(proxy.count(ALIAS), 0, 'the version decides: no probe');
    const message = await eventually(
      () => {
        const m = api.tree.message();
        assert.match(m ?? '', /alias/);
        return m;
      },
      { message: 'the explanation above the view' },
    );
    assert.equal(message, 'This server runs MLflow 2.2.0; model aliases need MLflow 2.3 or later, so alias features are hidden.');
    const { model, v2 } = await walkthroughRows();
    assert.ok(!/alias;/.test(model.contextValue ?? ''), model.contextValue);
    assert.ok(!/Aliases|@champion/.test(model.tooltip ?? ''), model.tooltip);
    assert.ok(!(v2.description ?? '').includes('@'), `version 2 without its alias: ${v2.description}`);
    assert.ok(!/alias;/.test(v2.contextValue ?? ''), v2.contextValue);
    assert.ok(!/@champion/.test(v2.tooltip ?? ''), v2.tooltip);
    assert.equal(api.tree.message(), message, 'still the one explanation once the tree is listed');
  });

  it('no /version and alias endpoints answering ENDPOINT_NOT_FOUND: hidden, with the endpoint explanation', async function () {
    this.timeout(90_000);
    const { proxy, url } = await proxyInFront();
    proxy.inject(
      { kind: 'status', status: 404, body: JSON.stringify({ error_code: 'ENDPOINT_NOT_FOUND', message: 'No API endpoint for /version' }) },
      { pathPart: VERSION, times: 1000 },
    );
    proxy.inject({ kind: 'status', status: 404, body: ENDPOINT_NOT_FOUND }, { pathPart: ALIAS, times: 1000 });
    const caps = await connectTo(url);
    assert.deepEqual(caps, { aliases: false, aliasesReason: 'endpoint' });
    assert.equal(proxy.count(ALIAS), 1, 'probed once');
    const message = await eventually(
      () => {
        const m = api.tree.message();
        assert.match(m ?? '', /alias/);
        return m;
      },
      { message: 'the explanation above the view' },
    );
    assert.equal(message, 'This registry does not offer model aliases (its alias endpoint is not there), so alias features are hidden.');
    const { v2 } = await walkthroughRows();
    assert.ok(!(v2.description ?? '').includes('@'), `version 2 without its alias: ${v2.description}`);
  });

  it('back on the real server, @champion shows again and the explanation is gone', async function () {
    this.timeout(90_000);
    const caps = await connectTo(realUrl);
    assert.equal(caps.aliases, true);
    assert.ok(!/alias/i.test(api.tree.message() ?? ''), api.tree.message());
    const { v2 } = await walkthroughRows();
    assert.match(v2.description ?? '', /^@champion · /);
  });
});
