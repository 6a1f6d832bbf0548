import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, detailsHtml, escapeHtml, makeNonce } from '../../../src/details/html';

describe('details: the webview page shell', () => {
  it('escapes the five HTML-special characters', () => {
    assert.equal(escapeHtml(`<img src=x onerror="a('b')">&`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
    assert.equal(escapeHtml('plain text'), 'plain text');
  });

  it('has a CSP that runs only the nonce script and loads only from the extension', () => {
    assert.equal(
      contentSecurityPolicy('https://x.vscode-cdn.net', 'abc'),
      "default-src 'none'; script-src 'nonce-abc'; style-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net data:",
    );
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9_-]{22}$/);
    assert.notEqual(a, makeNonce());
  });

  it('puts the nonce on its one script and escapes the title and loading text', () => {
    const html = detailsHtml({
      cspSource: 'https://x',
      nonce: 'N0nce',
      scriptUri: 'https://x/dist/webview/details.js',
      styleUri: 'https://x/media/details.css',
      title: '<script>alert(1)</script> v2',
      loadingText: 'Loading details…',
      lang: 'en',
    });
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
    assert.ok(html.includes('<script nonce="N0nce" src="https://x/dist/webview/details.js"></script>'));
    assert.ok(html.includes('<title>&lt;script&gt;alert(1)&lt;/script&gt; v2</title>'));
    assert.ok(html.includes(`content="default-src 'none'; script-src 'nonce-N0nce';`.replace(/'/g, '&#39;')));
    assert.ok(html.includes('<link rel="stylesheet" href="https://x/media/details.css">'));
  });
});
