/**
 * No secret in what gets logged or shown: a representative run of real calls (successes, 401s,
 * 403s, TLS refusals) with every kind of secret a user hands in (passwords from SecretStorage, the
 * environment, ~/.mlflow/credentials and URI user info; MLflow and Databricks tokens; a proxy
 * password; a client certificate's private key), capturing every line the transport logs, every
 * describeConnection() text, the resolved connections, and every error as message, params, stack,
 * JSON and util.inspect, then looking for each secret in all of it.
 */
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { makeTestCa, type TestCa } from '../../../scripts/testbed/certificates';
import { TlsProxy } from '../../../scripts/testbed/tlsProxy';
import { TokenProxy } from '../../../scripts/testbed/tokenProxy';
import { formatConnectionMessage } from '../../../src/connection';
import { isRegistryError } from '../../../src/registry/errors';
import { sharedServer, uniqueName } from '../../support/testbed';
import { type AuthBed, authBed, type Connected, connect, type InputsSpec, tempHome, WALKTHROUGH } from './support';

const DATABRICKS_TOKEN = 'dapiSECRET00aa11bb22cc33dd44ee55ff66';
const DATABRICKS_WRONG_TOKEN = 'dapiSECRET-wrong-99887766554433221100';
const MLFLOW_TOKEN = 'mlflow-bearer-SECRET-0f9e8d7c6b5a';
const WRONG_PASSWORD = 'wrong-SECRET-pw:4@x';
const PROXY_PASSWORD = 'proxy-SECRET-pw-5150';

interface Captured {
  where: string;
  text: string;
}

/** Every form a secret could leak in: as is, percent-encoded, and inside a Basic header. */
function forms(secret: { label: string; value: string; username?: string }): Array<{ label: string; value: string }> {
  const out = [{ label: secret.label, value: secret.value }];
  const encoded = encodeURIComponent(secret.value);
  if (encoded !== secret.value) out.push({ label: `${secret.label} (percent-encoded)`, value: encoded });
  if (secret.username !== undefined) {
    out.push({ label: `${secret.label} (Basic header)`, value: Buffer.from(`${secret.username}:${secret.value}`).toString('base64') });
  }
  return out;
}

function leaks(captured: readonly Captured[], secrets: ReadonlyArray<{ label: string; value: string }>): string[] {
  const found: string[] = [];
  for (const { where, text } of captured) {
    for (const s of secrets) {
      const at = text.indexOf(s.value);
      if (at >= 0) found.push(`${s.label} in ${where}: ...${text.slice(Math.max(0, at - 40), at)}<SECRET>...`);
    }
  }
  return found;
}

describe('connection: no secret reaches a log line, an error or a connection description', function () {
  this.timeout(120_000);
  let bed: AuthBed;
  let ca: TestCa;
  let databricks: TokenProxy;
  let databricksHost: string;
  let mtls: TlsProxy;
  let mtlsPort: number;
  let home: ReturnType<typeof tempHome>;
  let credentialsHome: ReturnType<typeof tempHome>;
  let databricksHome: ReturnType<typeof tempHome>;

  before(async function () {
    this.timeout(180_000);
    bed = await authBed();
    ca = makeTestCa();
    databricks = new TokenProxy(sharedServer().url, [DATABRICKS_TOKEN]);
    databricksHost = await databricks.start();
    // Mutual TLS in front of the basic-auth server: password, CA and client key in one call.
    mtls = new TlsProxy(bed.url, { cert: ca.serverCert, key: ca.serverKey, clientCa: ca.caPem });
    mtlsPort = await mtls.start();
    home = tempHome();
    credentialsHome = tempHome({
      '.mlflow/credentials': `[mlflow]\nmlflow_tracking_username = ${bed.reader.username}\nmlflow_tracking_password = ${bed.reader.password}\n`,
    });
    databricksHome = tempHome({ '.databrickscfg': `[ws]\nhost = ${databricksHost}\ntoken = ${DATABRICKS_TOKEN}\n` });
  });
  after(async () => {
    await databricks?.stop();
    await mtls?.stop();
    ca?.remove();
    for (const h of [home, credentialsHome, databricksHome]) h?.remove();
  });

  it('scans a representative run: successes, 401, 403 and TLS refusals with every secret in play', async () => {
    const captured: Captured[] = [];
    const outcomes: string[] = [];

    const userInfo = (url: string, user: string, password: string) =>
      url.replace(/^(https?:\/\/)/, `$1${encodeURIComponent(user)}:${encodeURIComponent(password)}@`);
    const capture = (where: string, text: string | undefined) => {
      if (text) captured.push({ where, text });
    };
    const captureConnection = (label: string, c: Connected) => {
      capture(`${label}: describeConnection`, c.description);
      capture(`${label}: JSON of the resolved connection`, JSON.stringify(c.resolved));
      capture(`${label}: inspect of the resolved connection`, inspect(c.resolved, { depth: 10, showHidden: true }));
      for (const w of c.resolved.warnings) capture(`${label}: warning`, formatConnectionMessage(w));
      c.logger.lines.forEach((line, i) => capture(`${label}: log line ${i + 1}`, line));
      capture(`${label}: request records`, JSON.stringify(c.records));
    };
    const captureError = (label: string, e: unknown) => {
      const err = e as Error & { params?: unknown; serverMessage?: string; cause?: unknown };
      capture(`${label}: error message`, err.message);
      capture(`${label}: error stack`, err.stack);
      capture(`${label}: error params`, JSON.stringify(err.params));
      capture(`${label}: error server message`, err.serverMessage);
      capture(`${label}: JSON of the error`, JSON.stringify(err));
      capture(`${label}: inspect of the error`, inspect(err, { depth: 8 }));
      capture(`${label}: error cause`, err.cause === undefined ? undefined : String(err.cause));
    };
    async function scenario(label: string, spec: InputsSpec, action: (c: Connected) => Promise<unknown>): Promise<void> {
      const c = await connect(spec);
      try {
        await action(c);
        outcomes.push(`${label}: ok`);
      } catch (e) {
        if (!isRegistryError(e)) throw e;
        outcomes.push(`${label}: ${e.messageId}`);
        captureError(label, e);
      } finally {
        await c.close();
        captureConnection(label, c);
      }
    }

    const { reader, admin } = bed;
    await scenario(
      'SecretStorage, read',
      { settings: { trackingUri: bed.url }, env: { HOME: home.home }, stored: { [bed.url]: { kind: 'basic', ...reader } } },
      (c) => c.client.models.get(bed.model),
    );
    await scenario(
      'SecretStorage, write',
      { settings: { trackingUri: bed.url }, env: { HOME: home.home }, stored: { [bed.url]: { kind: 'basic', ...reader } } },
      (c) => c.client.models.update(bed.model, 'not allowed'),
    );
    await scenario(
      'environment, wrong password',
      {
        env: {
          HOME: home.home,
          MLFLOW_TRACKING_URI: bed.url,
          MLFLOW_TRACKING_USERNAME: reader.username,
          MLFLOW_TRACKING_PASSWORD: WRONG_PASSWORD,
        },
      },
      (c) => c.client.models.get(bed.model),
    );
    await scenario(
      'environment, admin creates and deletes',
      {
        env: {
          HOME: home.home,
          MLFLOW_TRACKING_URI: bed.url,
          MLFLOW_TRACKING_USERNAME: admin.username,
          MLFLOW_TRACKING_PASSWORD: admin.password,
        },
      },
      async (c) => {
        const name = uniqueName('secret-scan');
        await c.client.models.create(name, { description: 'made by the secret scan' });
        await c.client.models.delete(name);
      },
    );
    await scenario(
      'MLFLOW_TRACKING_TOKEN at a basic-auth server',
      { env: { HOME: home.home, MLFLOW_TRACKING_URI: bed.url, MLFLOW_TRACKING_TOKEN: MLFLOW_TOKEN } },
      (c) => c.client.models.get(bed.model),
    );
    await scenario('~/.mlflow/credentials, read', { settings: { trackingUri: bed.url }, env: { HOME: credentialsHome.home } }, (c) =>
      c.client.models.get(bed.model),
    );
    await scenario(
      'user info in the settings URI, wrong password',
      { settings: { trackingUri: userInfo(bed.url, reader.username, WRONG_PASSWORD) }, env: { HOME: home.home } },
      (c) => c.client.models.get(bed.model),
    );
    await scenario(
      'user info in MLFLOW_TRACKING_URI, a proxy with a password (bypassed for loopback)',
      {
        env: {
          HOME: home.home,
          MLFLOW_TRACKING_URI: userInfo(bed.url, reader.username, reader.password),
          HTTP_PROXY: `http://proxy-user:${PROXY_PASSWORD}@proxy.corp.example:3128`,
        },
      },
      (c) => c.client.models.get(bed.model),
    );
    await scenario('Databricks profile token', { settings: { trackingUri: 'databricks://ws' }, env: { HOME: databricksHome.home } }, (c) =>
      c.client.models.get(WALKTHROUGH),
    );
    await scenario(
      'Databricks environment, wrong token',
      {
        env: {
          HOME: home.home,
          MLFLOW_TRACKING_URI: 'databricks',
          DATABRICKS_HOST: databricksHost,
          DATABRICKS_TOKEN: DATABRICKS_WRONG_TOKEN,
        },
      },
      (c) => c.client.models.get(WALKTHROUGH),
    );
    const mtlsUrl = `https://127.0.0.1:${mtlsPort}`;
    await scenario(
      'mutual TLS with a client key, user info in the URI',
      {
        settings: { trackingUri: userInfo(mtlsUrl, reader.username, reader.password) },
        env: { HOME: home.home, MLFLOW_TRACKING_SERVER_CERT_PATH: ca.caPath, MLFLOW_TRACKING_CLIENT_CERT_PATH: ca.clientBundlePath },
      },
      (c) => c.client.models.get(bed.model),
    );
    await scenario(
      'TLS refused (no CA), user info in the URI',
      { settings: { trackingUri: userInfo(mtlsUrl, reader.username, reader.password) }, env: { HOME: home.home } },
      (c) => c.client.models.get(bed.model),
    );

    // The run covered what it claims to: each call ended as a user would have seen it.
    assert.deepEqual(outcomes, [
      'SecretStorage, read: ok',
      'SecretStorage, write: error.permissionDenied',
      'environment, wrong password: error.unauthenticated',
      'environment, admin creates and deletes: ok',
      'MLFLOW_TRACKING_TOKEN at a basic-auth server: error.unauthenticated',
      '~/.mlflow/credentials, read: ok',
      'user info in the settings URI, wrong password: error.unauthenticated',
      'user info in MLFLOW_TRACKING_URI, a proxy with a password (bypassed for loopback): ok',
      'Databricks profile token: ok',
      'Databricks environment, wrong token: error.unauthenticated',
      'mutual TLS with a client key, user info in the URI: ok',
      'TLS refused (no CA), user info in the URI: error.tlsUntrusted',
    ]);
    assert.ok(captured.filter((c) => c.where.includes('log line')).length >= 12, 'the transport logged every call');
    assert.ok(
      databricks.count('', 'valid') >= 1 && mtls.requests.some((r) => r.clientCertificate === ca.clientName),
      'the secrets were really used',
    );

    const keyBody = ca.clientKey
      .split('\n')
      .filter((l) => l && !l.startsWith('-----'))
      .join('');
    const secrets = [
      ...forms({ label: 'admin password', value: admin.password, username: admin.username }),
      ...forms({ label: 'reader password', value: reader.password, username: reader.username }),
      ...forms({ label: 'wrong password', value: WRONG_PASSWORD, username: reader.username }),
      ...forms({ label: 'Databricks token', value: DATABRICKS_TOKEN }),
      ...forms({ label: 'wrong Databricks token', value: DATABRICKS_WRONG_TOKEN }),
      ...forms({ label: 'MLflow token', value: MLFLOW_TOKEN }),
      ...forms({ label: 'proxy password', value: PROXY_PASSWORD }),
      { label: 'client private key', value: keyBody.slice(0, 40) },
    ];
    // The scan finds what it looks for.
    assert.equal(leaks([{ where: 'control', text: `x${reader.password}y ${keyBody.slice(0, 40)}` }], secrets).length, 2);
    assert.deepEqual(leaks(captured, secrets), []);
  });
});
