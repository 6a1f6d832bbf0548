import * as assert from 'node:assert/strict';
import { descriptionLink } from '../../../src/details/linkPolicy';
import { createMarkdown } from '../../../src/webview/details/markdown';

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** The hrefs of the links in rendered HTML (or of those whose text is `text`), as the DOM reads them back. */
const hrefs = (html: string, text?: string) =>
  [...html.matchAll(/<a href="([^"]*)">(.*?)<\/a>/g)].filter((m) => text === undefined || m[2] === text).map((m) => unescape(m[1]));

/** The webview's Markdown settings, before DOMPurify (which the end-to-end test exercises in the real webview). */
describe('details: Markdown of descriptions (raw HTML off)', () => {
  const md = createMarkdown();

  it('shows HTML in a description as text', () => {
    const out = md.render(`<img src=x onerror="document.title='pwned'">\n\n<script>document.title='pwned'</script>`);
    assert.ok(!/<img|<script/i.test(out), out);
    assert.ok(out.includes("&lt;img src=x onerror=&quot;document.title='pwned'&quot;&gt;"), out);
    assert.ok(out.includes('&lt;script&gt;'), out);
  });

  it('renders ordinary Markdown: emphasis, lists, code, http links', () => {
    const out = md.render('**bold** and `code`\n\n- one\n- two\n\n[docs](https://mlflow.org) https://example.com');
    assert.ok(out.includes('<strong>bold</strong>') && out.includes('<code>code</code>') && out.includes('<li>one</li>'), out);
    assert.ok(out.includes('<a href="https://mlflow.org">docs</a>'), out);
    assert.ok(out.includes('<a href="https://example.com">'), out);
  });

  it('links nothing but http(s) and plain mailto: other schemes stay text', () => {
    const out = md.render('[a](javascript:alert(1)) [b](command:workbench.action.quit) [c](file:///etc/passwd) [d](vscode://x)');
    assert.deepEqual(hrefs(out), []);
    assert.ok(out.includes('[b](command:workbench.action.quit)'), out);
  });

  it('shows an image as its alt text: no image loaded, no link to it', () => {
    const out = md.render('Power curve: ![the power curve](https://x/y.png) as measured.');
    assert.equal(out, '<p>Power curve: the power curve as measured.</p>\n');
    const linked = md.render('[![build status](https://ci/badge.svg)](https://ci/builds)');
    assert.equal(linked, '<p><a href="https://ci/builds">build status</a></p>\n', 'an image inside a link: the link, with the alt text');
    assert.equal(md.render('![x <b>](https://x/y.png)'), '<p>x &lt;b&gt;</p>\n', 'alt text is escaped');
    assert.equal(md.render('![a](javascript:alert(1))'), '<p>![a](javascript:alert(1))</p>\n', 'an image of another scheme is text');
  });

  it('a mailto link or a bare address is a link the host opens; a mailto the host would refuse is text', () => {
    assert.deepEqual(hrefs(md.render('Ask ml-team@example.com')), ['mailto:ml-team@example.com']);
    assert.equal(descriptionLink('mailto:ml-team@example.com'), 'mailto:ml-team@example.com');
    assert.deepEqual(hrefs(md.render('[write to us](mailto:ml-team@example.com?subject=Model%20v2)')), [
      'mailto:ml-team@example.com?subject=Model%20v2',
    ]);
    const cc = md.render('[write to us](mailto:ml-team@example.com?cc=boss@example.com)');
    assert.deepEqual(hrefs(cc, 'write to us'), [], 'not a link with cc');
    assert.ok(unescape(cc.replace(/<[^>]*>/g, '')).includes('[write to us](mailto:ml-team@example.com?cc=boss@example.com)'), cc);
  });

  it('renders a link exactly when the host would open it (one rule on both sides)', () => {
    const samples = [
      'https://mlflow.org/docs',
      'http://127.0.0.1:5000/#/models',
      'https://',
      'http:relative',
      'https:/one-slash.org',
      'https://x.org/a b',
      'HTTPS://MLFLOW.ORG',
      'mailto:ml-team@example.com',
      'mailto:ml-team@example.com?subject=Model v2&body=Hello',
      'mailto:ml-team@example.com?cc=boss@example.com',
      'mailto:ml-team@example.com?attach=/etc/passwd',
      'mailto:a@b.co,c@d.co',
      'mailto:ops@bücher.de',
      'mailto:',
      'mailto:?subject=hi',
      'mailto:nobody',
      'mailto:a@b.co#x',
      'javascript:alert(1)',
      'command:workbench.action.quit',
      'file:///etc/passwd',
      'vscode://x',
      'data:text/html,hi',
      'ftp://example.com/x',
      '/relative',
      '#frag',
    ];
    for (const href of samples) {
      const out = md.render(`[x](<${href}>)`);
      for (const other of hrefs(out)) assert.ok(descriptionLink(other), `${href}: ${other} is a link the host refuses`);
      const rendered = hrefs(out, 'x');
      if (rendered.length) {
        assert.equal(rendered.length, 1, href);
        assert.ok(descriptionLink(rendered[0]), `${href} renders as a link to ${rendered[0]}, which the host refuses`);
      } else {
        assert.equal(descriptionLink(md.normalizeLink(href)), undefined, `${href} stays text, yet the host would open it`);
      }
    }
    const linked = samples.filter((href) => hrefs(md.render(`[x](<${href}>)`), 'x').length);
    assert.deepEqual(linked, [
      'https://mlflow.org/docs',
      'http://127.0.0.1:5000/#/models',
      'https://x.org/a b',
      'HTTPS://MLFLOW.ORG',
      'mailto:ml-team@example.com',
      'mailto:ml-team@example.com?subject=Model v2&body=Hello',
      'mailto:ops@bücher.de',
    ]);
  });
});
