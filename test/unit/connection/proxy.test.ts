import * as assert from 'node:assert/strict';
import { isLoopback, matchesNoProxy, normalizeProxyUrl, proxyFor, resolveConnection } from '../../../src/connection';
import { fakeInputs } from './fakes';

const ENV = { HTTPS_PROXY: 'http://env-https:3128', HTTP_PROXY: 'http://env-http:3128' };

describe('connection/proxy: proxyFor', () => {
  it('no proxy anywhere: direct', () => {
    assert.deepEqual(proxyFor('https://mlflow.example.com', {}), { strictSSL: { value: true, source: 'default' } });
  });

  it('the editor setting wins over the environment', () => {
    const p = proxyFor('https://mlflow.example.com', ENV, { url: 'http://editor:8080', strictSSL: false });
    assert.equal(p.url, 'http://editor:8080');
    assert.equal(p.source, 'editor:http.proxy');
    assert.deepEqual(p.strictSSL, { value: false, source: 'editor:http.proxyStrictSSL' });
  });

  it('an empty editor setting falls through to the environment', () => {
    assert.equal(proxyFor('https://mlflow.example.com', ENV, { url: ' ' }).source, 'env:HTTPS_PROXY');
  });

  it('HTTPS_PROXY for https targets, HTTP_PROXY for http targets, never crossed', () => {
    assert.equal(proxyFor('https://a.example.com', ENV).url, 'http://env-https:3128');
    assert.equal(proxyFor('http://a.example.com', ENV).url, 'http://env-http:3128');
    assert.equal(proxyFor('https://a.example.com', { HTTP_PROXY: 'http://p:1' }).url, undefined);
    assert.equal(proxyFor('http://a.example.com', { HTTPS_PROXY: 'http://p:1' }).url, undefined);
  });

  it('lowercase names are read first (curl, requests)', () => {
    const p = proxyFor('https://a.example.com', { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' });
    assert.equal(p.url, 'http://lower:1');
    assert.equal(p.source, 'env:https_proxy');
    assert.equal(proxyFor('http://a.example.com', { http_proxy: 'lower-http:2' }).url, 'http://lower-http:2');
  });

  it('loopback targets always go direct', () => {
    for (const target of ['http://localhost:5000', 'http://127.0.0.1:5000', 'http://[::1]:5000', 'http://api.localhost']) {
      const p = proxyFor(target, ENV, { url: 'http://editor:8080' });
      assert.equal(p.url, undefined, target);
      assert.equal(p.bypassedBy, 'loopback', target);
      assert.equal(p.source, 'editor:http.proxy');
    }
  });

  it('NO_PROXY excludes hosts from environment and editor proxies', () => {
    const env = { ...ENV, NO_PROXY: 'internal.corp, .example.org' };
    assert.equal(proxyFor('https://mlflow.internal.corp', env).bypassedBy, 'env:NO_PROXY');
    assert.equal(proxyFor('https://example.org', env, { url: 'http://editor:1' }).bypassedBy, 'env:NO_PROXY');
    assert.equal(proxyFor('https://other.com', env).url, 'http://env-https:3128');
  });

  it('no_proxy (lowercase) is read before NO_PROXY', () => {
    const env = { ...ENV, no_proxy: 'a.com', NO_PROXY: 'b.com' };
    assert.equal(proxyFor('https://a.com', env).bypassedBy, 'env:no_proxy');
    assert.equal(proxyFor('https://b.com', env).url, 'http://env-https:3128');
  });

  it('the editor http.noProxy list excludes hosts', () => {
    const p = proxyFor('https://git.corp', {}, { url: 'http://editor:1', noProxy: ['*.corp'] });
    assert.equal(p.bypassedBy, 'editor:http.noProxy');
  });

  it('an invalid proxy URL is flagged and not used', () => {
    const p = proxyFor('https://a.com', { HTTPS_PROXY: 'ftp://p:1' });
    assert.equal(p.invalid, true);
    assert.equal(p.url, undefined);
    assert.equal(p.source, 'env:HTTPS_PROXY');
  });
});

describe('connection/proxy: NO_PROXY entries', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['*', 'anything.com', '443', true],
    ['example.com', 'example.com', '443', true],
    ['example.com', 'api.example.com', '443', true],
    ['example.com', 'badexample.com', '443', false],
    ['.example.com', 'example.com', '443', true],
    ['.example.com', 'a.b.example.com', '443', true],
    ['*.example.com', 'api.example.com', '443', true],
    ['EXAMPLE.com', 'Api.Example.COM', '443', true],
    ['example.com:8443', 'example.com', '8443', true],
    ['example.com:8443', 'example.com', '443', false],
    ['10.1.2.3', '10.1.2.3', '80', true],
    ['10.0.0.0/8', '10.20.30.40', '80', true],
    ['10.0.0.0/8', '11.0.0.1', '80', false],
    ['fd00::/8', 'fd12::1', '80', true],
    ['::1', '::1', '80', true],
    ['[fd00::5]:5000', 'fd00::5', '5000', true],
    ['[fd00::5]:5000', 'fd00::5', '5001', false],
    [' a.com ,, b.com ', 'b.com', '443', true],
    ['a.com b.com', 'b.com', '443', true],
    ['', 'a.com', '443', false],
  ];
  for (const [list, host, port, expected] of cases) {
    it(`${JSON.stringify(list)} ${expected ? 'excludes' : 'keeps'} ${host}:${port}`, () => {
      assert.equal(matchesNoProxy(host, port, [list]), expected);
    });
  }

  it('recognises loopback hosts', () => {
    assert.ok(isLoopback('localhost') && isLoopback('127.8.9.1') && isLoopback('[::1]') && isLoopback('LOCALHOST'));
    assert.ok(!isLoopback('localhost.example.com') && !isLoopback('10.0.0.1'));
  });

  it('normalises proxy URLs', () => {
    assert.equal(normalizeProxyUrl('proxy:3128'), 'http://proxy:3128');
    assert.equal(normalizeProxyUrl('https://u:p@proxy:3128/'), 'https://u:p@proxy:3128');
    assert.equal(normalizeProxyUrl('socks5://proxy:1080'), 'socks5://proxy:1080');
    assert.equal(normalizeProxyUrl('ftp://proxy'), undefined);
  });
});

describe('connection/resolve: proxy in the result', () => {
  it('decides for the registry URL and shows the proxy without its user info', async () => {
    const c = await resolveConnection(
      fakeInputs({
        settings: { trackingUri: 'https://mlflow.example.com' },
        env: { HOME: '/h', HTTPS_PROXY: 'http://puser:proxy-secret@proxy:3128' },
      }),
    );
    assert.deepEqual(c.proxy, { url: 'http://***@proxy:3128', source: 'env:HTTPS_PROXY', strictSSL: { value: true, source: 'default' } });
  });

  it('records a bypass with both sources', async () => {
    const c = await resolveConnection(
      fakeInputs({
        settings: { trackingUri: 'http://localhost:5000' },
        proxy: { url: 'http://editor:8080', strictSSL: true },
      }),
    );
    assert.deepEqual(c.proxy, {
      source: 'editor:http.proxy',
      bypassedBy: 'loopback',
      strictSSL: { value: true, source: 'editor:http.proxyStrictSSL' },
    });
  });

  it('warns about an invalid proxy without showing its user info', async () => {
    const c = await resolveConnection(
      fakeInputs({
        settings: { trackingUri: 'https://mlflow.example.com' },
        proxy: { url: 'ftp://u:proxy-secret@p' },
      }),
    );
    assert.equal(c.proxy.url, undefined);
    assert.equal(c.warnings[0].messageId, 'connection.invalidProxy');
    assert.ok(!JSON.stringify(c).includes('proxy-secret'));
  });
});
