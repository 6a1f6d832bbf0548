/**
 * Proof against MLflow's own authentication app (`mlflow server --app-name basic-auth`, the
 * pinned MLflow): real 401s and 403s, and credentials from every place a user keeps them,
 * resolved by the connection layer and sent by the registry client.
 */
import * as assert from 'node:assert/strict';
import { RegistryError } from '../../../src/registry/errors';
import { type AuthBed, authBed, type connect, tempHome, withConnection } from './support';

function isUnauthenticated(e: unknown): boolean {
  assert.ok(e instanceof RegistryError, `expected a RegistryError, got ${String(e)}`);
  assert.equal(e.status, 401);
  assert.equal(e.kind, 'http');
  assert.ok(e.isUnauthenticated);
  assert.ok(!e.isPermissionDenied);
  assert.equal(e.messageId, 'error.unauthenticated');
  return true;
}

function isPermissionDenied(e: unknown): boolean {
  assert.ok(e instanceof RegistryError, `expected a RegistryError, got ${String(e)}`);
  assert.equal(e.status, 403);
  assert.ok(e.isPermissionDenied);
  assert.ok(!e.isUnauthenticated, 'a 403 must not read as "sign in again"');
  assert.equal(e.messageId, 'error.permissionDenied');
  return true;
}

describe('connection: MLflow basic-auth app (real server with --app-name basic-auth)', function () {
  this.timeout(60_000);
  let bed: AuthBed;
  let home: ReturnType<typeof tempHome>;
  before(async function () {
    this.timeout(180_000);
    bed = await authBed();
    home = tempHome();
  });
  after(() => home?.remove());

  describe('connection: 401 and 403 are real and told apart', () => {
    it('a wrong password is a 401 "needs valid credentials", sent once and not retried', async () => {
      await withConnection(
        {
          settings: { trackingUri: bed.url },
          env: { HOME: home.home, MLFLOW_TRACKING_USERNAME: bed.reader.username, MLFLOW_TRACKING_PASSWORD: 'not-the-password-1' },
        },
        async (c) => {
          await assert.rejects(c.client.models.get(bed.model), (e: unknown) => {
            isUnauthenticated(e);
            const err = e as RegistryError;
            assert.equal(err.attempts, 1);
            assert.match(
              err.message,
              new RegExp(`^The registry at 127\\.0\\.0\\.1:${bed.server.port} needs valid credentials \\(HTTP 401\\)`),
            );
            return true;
          });
          assert.equal(c.records.length, 1, 'a 401 is not worth a second try');
        },
      );
    });

    it('no credentials at all is a 401 too', async () => {
      await withConnection({ settings: { trackingUri: bed.url }, env: { HOME: home.home } }, async (c) => {
        assert.equal(c.resolved.auth.kind, 'none');
        await assert.rejects(c.client.models.search().next(), isUnauthenticated);
      });
    });

    it("the read-only user reads the admin's model with its description and tags", async () => {
      await withConnection(
        {
          settings: { trackingUri: bed.url },
          env: { HOME: home.home, MLFLOW_TRACKING_USERNAME: bed.reader.username, MLFLOW_TRACKING_PASSWORD: bed.reader.password },
        },
        async (c) => {
          const m = await c.client.models.get(bed.model);
          assert.equal(m.description, bed.description);
          assert.deepEqual(m.tags, [{ key: 'owner', value: 'admin' }]);
          const names: string[] = [];
          for await (const model of c.client.models.search({ filter: `name = '${bed.model}'` })) names.push(model.name);
          assert.deepEqual(names, [bed.model]);
        },
      );
    });

    it('the read-only user writing is a 403 "permission denied" (not a sign-in prompt), and nothing changes', async () => {
      await withConnection(
        {
          settings: { trackingUri: bed.url },
          env: { HOME: home.home, MLFLOW_TRACKING_USERNAME: bed.reader.username, MLFLOW_TRACKING_PASSWORD: bed.reader.password },
        },
        async (c) => {
          await assert.rejects(c.client.models.update(bed.model, 'vandalised'), (e: unknown) => {
            isPermissionDenied(e);
            assert.match(
              (e as Error).message,
              /Permission denied by the registry at 127\.0\.0\.1:\d+ \(HTTP 403\): your account may read but not change this\./,
            );
            return true;
          });
          await assert.rejects(c.client.models.setTag(bed.model, 'owner', 'ana'), isPermissionDenied);
          await assert.rejects(c.client.models.delete(bed.model), isPermissionDenied);
          const m = await c.client.models.get(bed.model);
          assert.equal(m.description, bed.description);
          assert.deepEqual(m.tags, [{ key: 'owner', value: 'admin' }]);
        },
      );
    });

    it('the admin may write what the reader may not', async () => {
      await withConnection(
        {
          settings: { trackingUri: bed.url },
          env: { HOME: home.home, MLFLOW_TRACKING_USERNAME: bed.admin.username, MLFLOW_TRACKING_PASSWORD: bed.admin.password },
        },
        async (c) => {
          await c.client.models.setTag(bed.model, 'reviewed', 'yes');
          assert.ok((await c.client.models.get(bed.model)).tags.some((t) => t.key === 'reviewed' && t.value === 'yes'));
          await c.client.models.deleteTag(bed.model, 'reviewed');
        },
      );
    });
  });

  describe('connection: the right credentials from each source work end to end', () => {
    /** Reads the admin's model; the auth the resolver chose must be `expected`. */
    async function readsAs(spec: Parameters<typeof connect>[0], expected: { source: string; username: string }): Promise<void> {
      await withConnection(spec, async (c) => {
        assert.equal(c.resolved.kind, 'oss');
        assert.equal(c.resolved.registryUrl, bed.url);
        assert.deepEqual(c.resolved.auth, { kind: 'basic', ...expected });
        assert.equal((await c.client.models.get(bed.model)).description, bed.description);
      });
    }

    it('settings URI + SecretStorage (keyed by the registry URL)', async () => {
      const stored = { [bed.url]: { kind: 'basic' as const, ...bed.reader } };
      await readsAs(
        { settings: { trackingUri: bed.url }, env: { HOME: home.home }, stored },
        { source: 'secretStorage', username: bed.reader.username },
      );
    });

    it('SecretStorage wins over a stale MLFLOW_TRACKING_PASSWORD (settings > SecretStorage > environment)', async () => {
      const stored = { [bed.url]: { kind: 'basic' as const, ...bed.reader } };
      const env = { HOME: home.home, MLFLOW_TRACKING_USERNAME: bed.reader.username, MLFLOW_TRACKING_PASSWORD: 'an-old-password-1' };
      await readsAs({ settings: { trackingUri: bed.url }, env, stored }, { source: 'secretStorage', username: bed.reader.username });
    });

    it('MLFLOW_TRACKING_URI with MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD', async () => {
      const env = {
        HOME: home.home,
        MLFLOW_TRACKING_URI: bed.url,
        MLFLOW_TRACKING_USERNAME: bed.reader.username,
        MLFLOW_TRACKING_PASSWORD: bed.reader.password,
      };
      await readsAs({ env }, { source: 'env:MLFLOW_TRACKING_USERNAME,MLFLOW_TRACKING_PASSWORD', username: bed.reader.username });
    });

    it('~/.mlflow/credentials in the home folder', async () => {
      const h = tempHome({
        '.mlflow/credentials': `[mlflow]\nmlflow_tracking_username = ${bed.reader.username}\nmlflow_tracking_password = ${bed.reader.password}\n`,
      });
      try {
        await readsAs(
          { settings: { trackingUri: bed.url }, env: { HOME: h.home } },
          { source: `file:${h.home}/.mlflow/credentials`, username: bed.reader.username },
        );
      } finally {
        h.remove();
      }
    });

    it('user info in the settings URI (percent-encoded @ : / # in the password), never shown in the URI', async () => {
      const withUser = bed.url.replace(
        'http://',
        `http://${encodeURIComponent(bed.reader.username)}:${encodeURIComponent(bed.reader.password)}@`,
      );
      await readsAs(
        { settings: { trackingUri: withUser }, env: { HOME: home.home } },
        { source: 'userInfo:setting:mlflowRegistry.trackingUri', username: bed.reader.username },
      );
      await withConnection({ settings: { trackingUri: withUser }, env: { HOME: home.home } }, async (c) => {
        assert.equal(c.resolved.trackingUri?.value, bed.url);
        assert.equal(c.client.baseUrl, bed.url);
        assert.match(
          c.description,
          new RegExp(
            `auth: basic as ${bed.reader.username.replace('.', '\\.')} \\(user info in the URI from setting mlflowRegistry\\.trackingUri\\)`,
          ),
        );
      });
    });

    it('user info in MLFLOW_TRACKING_URI', async () => {
      const withUser = bed.url.replace(
        'http://',
        `http://${encodeURIComponent(bed.admin.username)}:${encodeURIComponent(bed.admin.password)}@`,
      );
      await readsAs(
        { env: { HOME: home.home, MLFLOW_TRACKING_URI: withUser } },
        { source: 'userInfo:env:MLFLOW_TRACKING_URI', username: bed.admin.username },
      );
    });
  });
});
