import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { Agent, type Dispatcher, ProxyAgent, request } from 'undici';
import {
  ConnectionError,
  type ConnectionInputs,
  createDispatcher,
  readTextFile,
  type ResolvedConnection,
  resolveConnection,
  splitPem,
  tlsOptionsFor,
} from '../../../src/connection';
import { hasOpenssl, makeCertificates, type TestCertificates } from './certificates';
import { fakeInputs } from './fakes';

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function resolveWith(
  trackingUri: string,
  env: Record<string, string>,
  proxy?: ConnectionInputs['proxy'],
): Promise<ResolvedConnection> {
  return resolveConnection(fakeInputs({ settings: { trackingUri }, env: { HOME: '/nonexistent-home', ...env }, proxy }));
}

async function get(dispatcher: Dispatcher, url: string): Promise<string> {
  try {
    const res = await request(url, { dispatcher });
    return await res.body.text();
  } finally {
    await dispatcher.close();
  }
}

describe('connection/dispatcher: TLS options', () => {
  it('adds the CA bundle to the built-in roots instead of replacing them', async () => {
    const c = await resolveWith('https://m.example.com', { MLFLOW_TRACKING_SERVER_CERT_PATH: '/ca.pem' });
    const { requestTls, proxyTls } = await tlsOptionsFor(c, async (p) => (p === '/ca.pem' ? 'EXTRA-CA' : undefined), {
      extraCertificates: ['SYSTEM-CA'],
    });
    const ca = requestTls.ca as string[];
    for (const root of tls.rootCertificates) assert.ok(ca.includes(root));
    assert.deepEqual(ca.slice(-2), ['SYSTEM-CA', 'EXTRA-CA']);
    assert.equal(proxyTls.ca, ca);
    assert.equal(requestTls.rejectUnauthorized, undefined);
  });

  it('sets nothing when nothing was asked (Node defaults apply)', async () => {
    const c = await resolveWith('https://m.example.com', {});
    assert.deepEqual(await tlsOptionsFor(c, async () => undefined), { requestTls: {}, proxyTls: {} });
  });

  it('turns verification off only for MLFLOW_TRACKING_INSECURE_TLS=true, and the proxy check only for http.proxyStrictSSL=false', async () => {
    const insecure = await tlsOptionsFor(await resolveWith('https://m', { MLFLOW_TRACKING_INSECURE_TLS: 'TRUE' }), async () => undefined);
    assert.equal(insecure.requestTls.rejectUnauthorized, false);
    assert.equal(insecure.proxyTls.rejectUnauthorized, undefined);
    const lax = await tlsOptionsFor(await resolveWith('https://m', {}, { url: 'http://p:1', strictSSL: false }), async () => undefined);
    assert.equal(lax.requestTls.rejectUnauthorized, undefined);
    assert.equal(lax.proxyTls.rejectUnauthorized, false);
  });

  it('a missing CA file or a client certificate without key is a ConnectionError', async () => {
    const c = await resolveWith('https://m', { MLFLOW_TRACKING_SERVER_CERT_PATH: '/missing.pem' });
    await assert.rejects(
      createDispatcher(c, async () => undefined),
      (e: unknown) => e instanceof ConnectionError && e.messageId === 'connection.fileMissing',
    );
    const noKey = await resolveWith('https://m', { MLFLOW_TRACKING_CLIENT_CERT_PATH: '/c.pem' });
    const certOnly = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    await assert.rejects(
      createDispatcher(noKey, async () => certOnly),
      (e: unknown) => e instanceof ConnectionError && e.messageId === 'connection.clientCertNoKey',
    );
  });

  it('splits a PEM holding certificates and a key', () => {
    const pem =
      '-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\nnoise\n-----BEGIN EC PRIVATE KEY-----\nK\n-----END EC PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----\n';
    const { certificates, key } = splitPem(pem);
    assert.equal(certificates.length, 2);
    assert.equal(key, '-----BEGIN EC PRIVATE KEY-----\nK\n-----END EC PRIVATE KEY-----');
  });

  it('builds an Agent, or a ProxyAgent when a proxy applies', async () => {
    const direct = await createDispatcher(await resolveWith('https://m.example.com', {}), readTextFile);
    assert.ok(direct instanceof Agent);
    await direct.close();
    const proxied = await createDispatcher(await resolveWith('https://m.example.com', { HTTPS_PROXY: 'http://127.0.0.1:9' }), readTextFile);
    assert.ok(proxied instanceof ProxyAgent);
    await proxied.close();
  });
});

describe('connection/dispatcher: against real TLS servers on loopback', function () {
  let certs: TestCertificates;
  let dir: string;

  before(async () => {
    // A skipped TLS test would pass for a promise it never checked: without openssl, fail and say why.
    if (!hasOpenssl())
      throw new Error(
        'openssl is not installed: these tests make their certificates with it. Install it ("sudo apt-get install openssl"; "npm test" does so when run as root).',
      );
    dir = await mkdtemp(path.join(os.tmpdir(), 'mlflow-tls-'));
    certs = makeCertificates(dir);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function server(options: https.ServerOptions = {}): https.Server {
    return https.createServer({ cert: certs.serverPem, key: certs.serverKey, ...options }, (req, res) => {
      const peer = (req.socket as tls.TLSSocket).getPeerCertificate();
      res.end(peer?.subject?.CN ? `hello ${peer.subject.CN}` : 'hello');
    });
  }

  it('trusts a private CA from MLFLOW_TRACKING_SERVER_CERT_PATH, and not without it', async () => {
    const s = server();
    const port = await listen(s);
    try {
      const trusted = await resolveWith(`https://localhost:${port}`, { MLFLOW_TRACKING_SERVER_CERT_PATH: certs.caPath });
      assert.equal(await get(await createDispatcher(trusted, readTextFile), `https://localhost:${port}/`), 'hello');
      const untrusted = await resolveWith(`https://localhost:${port}`, {});
      await assert.rejects(get(await createDispatcher(untrusted, readTextFile), `https://localhost:${port}/`), /certificate/i);
    } finally {
      await close(s);
    }
  });

  it('skips verification with MLFLOW_TRACKING_INSECURE_TLS=true', async () => {
    const s = server();
    const port = await listen(s);
    try {
      const c = await resolveWith(`https://127.0.0.1:${port}`, { MLFLOW_TRACKING_INSECURE_TLS: 'true' });
      assert.equal(await get(await createDispatcher(c, readTextFile), `https://127.0.0.1:${port}/`), 'hello');
    } finally {
      await close(s);
    }
  });

  it('presents the client certificate from a PEM holding certificate and key', async () => {
    const s = server({ requestCert: true, rejectUnauthorized: true, ca: certs.caPem });
    const port = await listen(s);
    try {
      const env = { MLFLOW_TRACKING_SERVER_CERT_PATH: certs.caPath, MLFLOW_TRACKING_CLIENT_CERT_PATH: certs.clientBundlePath };
      const c = await resolveWith(`https://localhost:${port}`, env);
      assert.equal(await get(await createDispatcher(c, readTextFile), `https://localhost:${port}/`), 'hello ana-client');
      const without = await resolveWith(`https://localhost:${port}`, { MLFLOW_TRACKING_SERVER_CERT_PATH: certs.caPath });
      await assert.rejects(get(await createDispatcher(without, readTextFile), `https://localhost:${port}/`));
    } finally {
      await close(s);
    }
  });

  it('tunnels through an authenticating CONNECT proxy from HTTPS_PROXY, verifying the registry behind it', async () => {
    const target = server();
    const targetPort = await listen(target);
    const seen: Array<{ url?: string; auth?: string }> = [];
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      seen.push({ url: req.url, auth: req.headers['proxy-authorization'] });
      const [host, port] = (req.url ?? '').split(':');
      if (host !== 'mlflow.test') return socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      const upstream = net.connect(Number(port), '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    const proxyPort = await listen(proxy);
    try {
      const c = await resolveWith(`https://mlflow.test:${targetPort}`, {
        HTTPS_PROXY: `http://pu:pp@127.0.0.1:${proxyPort}`,
        MLFLOW_TRACKING_SERVER_CERT_PATH: certs.caPath,
      });
      assert.equal(c.proxy.url, `http://***@127.0.0.1:${proxyPort}`);
      assert.equal(await get(await createDispatcher(c, readTextFile), `https://mlflow.test:${targetPort}/`), 'hello');
      assert.deepEqual(seen, [{ url: `mlflow.test:${targetPort}`, auth: `Basic ${Buffer.from('pu:pp').toString('base64')}` }]);
    } finally {
      proxy.closeAllConnections();
      target.closeAllConnections();
      await Promise.all([close(proxy), close(target)]);
    }
  });
});
