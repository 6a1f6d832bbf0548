/**
 * The registry behind TLS with a private CA (made by openssl at test time), as in a company that
 * runs MLflow behind its own certificates: MLflow's variables MLFLOW_TRACKING_SERVER_CERT_PATH,
 * MLFLOW_TRACKING_INSECURE_TLS and MLFLOW_TRACKING_CLIENT_CERT_PATH, through createDispatcher,
 * against a TLS-terminating proxy in front of the real server.
 */
import * as assert from 'node:assert/strict';
import { makeTestCa, type TestCa } from '../../../scripts/testbed/certificates';
import { TlsProxy } from '../../../scripts/testbed/tlsProxy';
import { RegistryError } from '../../../src/registry/errors';
import { sharedServer } from '../../support/testbed';
import { tempHome, WALKTHROUGH, withConnection } from './support';

describe('connection: TLS with a private CA (TLS-terminating proxy in front of the real server)', () => {
  let ca: TestCa;
  let otherCa: TestCa;
  let proxy: TlsProxy;
  let port: number;
  let home: ReturnType<typeof tempHome>;
  before(async () => {
    ca = makeTestCa();
    otherCa = makeTestCa();
    proxy = new TlsProxy(sharedServer().url, { cert: ca.serverCert, key: ca.serverKey });
    port = await proxy.start();
    home = tempHome();
  });
  beforeEach(() => proxy.reset());
  after(async () => {
    await proxy?.stop();
    ca?.remove();
    otherCa?.remove();
    home?.remove();
  });

  const env = (vars: Record<string, string> = {}) => ({ HOME: home.home, MLFLOW_TRACKING_URI: `https://127.0.0.1:${port}`, ...vars });

  /** A certificate refusal as a user sees it: a network error about TLS, naming the host and the certificate. */
  function isCertificateRefusal(e: unknown): boolean {
    assert.ok(e instanceof RegistryError, `expected a RegistryError, got ${String(e)}`);
    assert.equal(e.kind, 'network');
    assert.equal(e.messageId, 'error.tlsUntrusted');
    assert.equal(e.status, undefined);
    assert.equal(e.attempts, 1, 'a certificate refusal is not retried');
    assert.match(
      e.message,
      new RegExp(
        `^The certificate of 127\\.0\\.0\\.1:${port} is not trusted \\(.*certificate.*\\)\\. If the server uses a private certificate authority, set MLFLOW_TRACKING_SERVER_CERT_PATH`,
        'i',
      ),
    );
    assert.doesNotMatch(e.message, /UND_ERR|undici|openssl|SSL routines|\n|\bat \w+ \(/i, 'no internals or stack in what the user reads');
    return true;
  }

  it('trusts the CA bundle in MLFLOW_TRACKING_SERVER_CERT_PATH and reads the model through it', async () => {
    await withConnection({ env: env({ MLFLOW_TRACKING_SERVER_CERT_PATH: ca.caPath }) }, async (c) => {
      assert.deepEqual(c.resolved.tls.caFile, { value: ca.caPath, source: 'env:MLFLOW_TRACKING_SERVER_CERT_PATH' });
      assert.match(c.description, /TLS: certificates verified, extra CA bundle .*ca\.pem \(environment MLFLOW_TRACKING_SERVER_CERT_PATH\)/);
      const m = await c.client.models.get(WALKTHROUGH);
      assert.deepEqual(m.aliases.map((a) => `${a.alias}->${a.version}`).sort(), ['challenger->3', 'champion->2']);
    });
    assert.ok(proxy.count('registered-models/get') >= 1, 'the request went through the TLS proxy');
  });

  it('the same CA bundle for the host name localhost (subjectAltName DNS) and a settings URI', async () => {
    await withConnection(
      { settings: { trackingUri: `https://localhost:${port}` }, env: { HOME: home.home, MLFLOW_TRACKING_SERVER_CERT_PATH: ca.caPath } },
      async (c) => {
        assert.equal((await c.client.models.get(WALKTHROUGH)).name, WALKTHROUGH);
      },
    );
  });

  it('with MLFLOW_TRACKING_INSECURE_TLS=true it works without the CA, and the log says verification is off', async () => {
    await withConnection({ env: env({ MLFLOW_TRACKING_INSECURE_TLS: 'true' }) }, async (c) => {
      assert.match(c.description, /TLS: certificate verification OFF \(environment MLFLOW_TRACKING_INSECURE_TLS\)/);
      assert.equal((await c.client.models.get(WALKTHROUGH)).name, WALKTHROUGH);
    });
  });

  it('with neither, the request is refused with a clear certificate error (and the model is never read)', async () => {
    await withConnection({ env: env() }, async (c) => {
      await assert.rejects(c.client.models.get(WALKTHROUGH), isCertificateRefusal);
    });
    assert.equal(proxy.count('registered-models/get'), 0);
    // The server side hears of the refused handshake a moment after the client gave up (one try).
    for (let i = 0; i < 40 && proxy.failedHandshakes.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(proxy.failedHandshakes.length >= 1, 'the handshake itself failed');
  });

  it('MLFLOW_TRACKING_INSECURE_TLS=false is not "insecure": still refused', async () => {
    await withConnection({ env: env({ MLFLOW_TRACKING_INSECURE_TLS: 'false' }) }, async (c) => {
      await assert.rejects(c.client.models.get(WALKTHROUGH), isCertificateRefusal);
    });
  });

  it('a CA bundle from another CA does not make the server trusted', async () => {
    await withConnection({ env: env({ MLFLOW_TRACKING_SERVER_CERT_PATH: otherCa.caPath }) }, async (c) => {
      await assert.rejects(c.client.models.get(WALKTHROUGH), isCertificateRefusal);
    });
  });

  describe('connection: mutual TLS (the proxy requires a client certificate)', () => {
    let mtls: TlsProxy;
    let mtlsPort: number;
    before(async () => {
      mtls = new TlsProxy(sharedServer().url, { cert: ca.serverCert, key: ca.serverKey, clientCa: ca.caPem });
      mtlsPort = await mtls.start();
    });
    beforeEach(() => mtls.reset());
    after(() => mtls?.stop());

    it('presents the certificate and key from MLFLOW_TRACKING_CLIENT_CERT_PATH and reads the model', async () => {
      const vars = { MLFLOW_TRACKING_SERVER_CERT_PATH: ca.caPath, MLFLOW_TRACKING_CLIENT_CERT_PATH: ca.clientBundlePath };
      await withConnection({ env: { HOME: home.home, MLFLOW_TRACKING_URI: `https://127.0.0.1:${mtlsPort}`, ...vars } }, async (c) => {
        assert.match(c.description, /client certificate .*client-bundle\.pem \(environment MLFLOW_TRACKING_CLIENT_CERT_PATH\)/);
        assert.equal((await c.client.models.get(WALKTHROUGH)).name, WALKTHROUGH);
      });
      assert.ok(mtls.requests.length >= 1);
      assert.deepEqual([...new Set(mtls.requests.map((r) => r.clientCertificate))], [ca.clientName]);
    });

    it('without a client certificate the server refuses the handshake, and the call fails as a network error', async () => {
      await withConnection(
        { env: { HOME: home.home, MLFLOW_TRACKING_URI: `https://127.0.0.1:${mtlsPort}`, MLFLOW_TRACKING_SERVER_CERT_PATH: ca.caPath } },
        async (c) => {
          await assert.rejects(c.client.models.get(WALKTHROUGH), (e: unknown) => {
            assert.ok(e instanceof RegistryError, `expected a RegistryError, got ${String(e)}`);
            assert.equal(e.kind, 'network');
            assert.equal(e.status, undefined);
            // TLS 1.2 surfaces the server's alert (error.tls); under TLS 1.3, which Node negotiates here, the
            // alert comes after the client's side of the handshake is done, and undici only sees the socket
            // close (error.connectionReset). Either way the user gets no data and a message naming the host.
            assert.ok(
              ['error.tls', 'error.tlsUntrusted', 'error.connectionReset'].includes(e.messageId),
              `got ${e.messageId}: ${e.message}`,
            );
            assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${mtlsPort}`));
            return true;
          });
        },
      );
      assert.equal(mtls.count('registered-models/get'), 0, 'no request got past the handshake');
      for (let i = 0; i < 40 && !mtls.failedHandshakes.length; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(
        mtls.failedHandshakes.includes('ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE'),
        `handshake failures: ${mtls.failedHandshakes.join(', ')}`,
      );
    });
  });
});
