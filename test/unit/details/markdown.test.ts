import * as assert from 'node:assert/strict';
import { createMarkdown } from '../../../src/webview/details/markdown';

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

  it('links nothing but http(s) and mailto, and loads no image', () => {
    const out = md.render(
      '[a](javascript:alert(1)) [b](command:workbench.action.quit) [c](file:///etc/passwd) [d](vscode://x) ![e](https://x/y.png)',
    );
    assert.ok(!/href="(javascript|command|file|vscode):/i.test(out), out);
    assert.ok(!out.includes('<img'), out);
    assert.ok(out.includes('<a href="https://x/y.png">e</a>'), 'an image is a link to it');
  });
});
