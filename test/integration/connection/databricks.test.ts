/**
 * A Databricks workspace's registry, stood in for by a bearer-token proxy in front of the real
 * MLflow server (scripts/testbed/tokenProxy.ts says what a real workspace does that this cannot:
 * https and workspace URL shapes, OAuth and token refresh, rate limits and workspace ACLs, Unity
 * Catalog, and the workspace's own limits and error texts).
 */
import * as assert from 'node:assert/strict';
import { RegistryError } from '../../../src/registry/errors';
import { TokenProxy } from '../../../scripts/testbed/tokenProxy';
import { sharedServer } from '../../support/testbed';
import { tempHome, WALKTHROUGH, withConnection } from './support';

const TOKEN = 'dapi0123456789abcdef0123456789abcdef';
const ENV_TOKEN = 'dapiFEDCBA9876543210fedcba9876543210';

describe('connection: Databricks workspace stand-in (bearer-token proxy in front of the real server)', () => {
  let proxy: TokenProxy;
  let host: string;
  before(async () => {
    proxy = new TokenProxy(sharedServer().url, [TOKEN, ENV_TOKEN]);
    host = await proxy.start();
  });
  beforeEach(() => proxy.reset());
  after(() => proxy.stop());

  function profileFile(profile: string, token: string): string {
    return `[DEFAULT]\nhost = https://elsewhere.cloud.databricks.com\n\n[${profile}]\nhost = ${host}/\ntoken = ${token}\n`;
  }

  it("databricks://myprofile with ~/.databrickscfg: the workspace registry, read with the profile's token", async () => {
    const h = tempHome({ '.databrickscfg': profileFile('myprofile', TOKEN) });
    try {
      await withConnection({ settings: { trackingUri: 'databricks://myprofile' }, env: { HOME: h.home } }, async (c) => {
        assert.equal(c.resolved.kind, 'databricks');
        assert.equal(c.resolved.problem, undefined);
        assert.equal(c.resolved.registryUrl, host);
        assert.deepEqual(c.resolved.databricks?.profile, { value: 'myprofile', source: 'setting:mlflowRegistry.trackingUri' });
        assert.deepEqual(c.resolved.auth, { kind: 'bearer', source: `file:${h.home}/.databrickscfg` });
        assert.match(c.description, /Databricks workspace registry/);
        assert.match(c.description, /the workspace registry, not Unity Catalog/);

        const m = await c.client.models.get(WALKTHROUGH);
        assert.deepEqual(m.latestVersions.map((v) => `${v.currentStage}:${v.version}`).sort(), ['None:4', 'Production:2', 'Staging:3']);
        const production = await c.client.models.getLatestVersions(WALKTHROUGH, ['Production']);
        assert.deepEqual(
          production.map((v) => v.version),
          ['2'],
        );
      });
      assert.ok(proxy.count('registered-models/get', 'valid') >= 1);
      assert.equal(proxy.requests.filter((r) => r.credential !== 'valid').length, 0, 'every request carried the profile token');
    } finally {
      h.remove();
    }
  });

  it('a wrong token in the profile is a 401 "needs valid credentials" carrying the workspace\'s UNAUTHENTICATED', async () => {
    const h = tempHome({ '.databrickscfg': profileFile('myprofile', 'dapi-revoked-token-000000000000000') });
    try {
      await withConnection({ settings: { trackingUri: 'databricks://myprofile' }, env: { HOME: h.home } }, async (c) => {
        await assert.rejects(c.client.models.get(WALKTHROUGH), (e: unknown) => {
          assert.ok(e instanceof RegistryError);
          assert.equal(e.status, 401);
          assert.equal(e.errorCode, 'UNAUTHENTICATED');
          assert.ok(e.isUnauthenticated);
          assert.equal(e.messageId, 'error.unauthenticated');
          assert.equal(e.serverMessage, 'Invalid access token.');
          assert.equal(e.attempts, 1);
          assert.match(
            e.message,
            new RegExp(`^The registry at ${host.replace('http://', '').replace(/\./g, '\\.')} needs valid credentials`),
          );
          return true;
        });
      });
      assert.deepEqual(
        proxy.requests.map((r) => r.credential),
        ['wrongToken'],
      );
    } finally {
      h.remove();
    }
  });

  it('DATABRICKS_HOST / DATABRICKS_TOKEN from the environment, no config file', async () => {
    const h = tempHome();
    try {
      const env = { HOME: h.home, MLFLOW_TRACKING_URI: 'databricks', DATABRICKS_HOST: host, DATABRICKS_TOKEN: ENV_TOKEN };
      await withConnection({ env }, async (c) => {
        assert.equal(c.resolved.kind, 'databricks');
        assert.equal(c.resolved.registryUrl, host);
        assert.deepEqual(c.resolved.databricks?.host, { value: host, source: 'env:DATABRICKS_HOST' });
        assert.deepEqual(c.resolved.auth, { kind: 'bearer', source: 'env:DATABRICKS_TOKEN' });
        assert.equal((await c.client.models.get(WALKTHROUGH)).name, WALKTHROUGH);
      });
      assert.ok(proxy.count('registered-models/get', 'valid') >= 1);
    } finally {
      h.remove();
    }
  });

  it("a profile without a token sends no credentials, and the workspace's 401 says so; the warning names the host", async () => {
    const h = tempHome({ '.databrickscfg': `[myprofile]\nhost = ${host}\n` });
    try {
      await withConnection({ settings: { trackingUri: 'databricks://myprofile' }, env: { HOME: h.home } }, async (c) => {
        assert.deepEqual(c.resolved.auth, { kind: 'none' });
        assert.deepEqual(
          c.resolved.warnings.map((w) => w.messageId),
          ['connection.databricksNoToken'],
        );
        assert.match(c.description, new RegExp(`No token for the Databricks workspace ${host.replace(/\./g, '\\.')}`));
        await assert.rejects(c.client.models.get(WALKTHROUGH), (e: unknown) => e instanceof RegistryError && e.isUnauthenticated);
      });
      assert.deepEqual(
        proxy.requests.map((r) => r.credential),
        ['none'],
      );
    } finally {
      h.remove();
    }
  });
});
