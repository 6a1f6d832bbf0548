import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../src/ui/markdown';

describe('escaping registry text for Markdown tooltips', () => {
  it('leaves no live link, image, command link or HTML tag', () => {
    const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> [click](command:workbench.action.quit) ![i](http://x/y.png)';
    const out = escapeMarkdown(hostile);
    assert.ok(!out.includes('<img') && !out.includes('<script'), out);
    assert.ok(!/\]\(/.test(out.replace(/\\\]\\\(/g, '')), 'no unescaped ](');
    assert.ok(out.includes('\\[click\\]\\(command:workbench\\.action\\.quit\\)'));
  });

  it('escapes emphasis, code and theme icons but keeps spaces so text wraps between words', () => {
    assert.equal(escapeMarkdown('a *b* `c` $(zap)'), 'a \\*b\\* \\`c\\` \\$\\(zap\\)');
    assert.ok(escapeMarkdown('wind speed and direction').includes('wind speed and direction'));
  });

  it('keeps line breaks as hard breaks', () => {
    assert.equal(escapeMarkdown('one\ntwo'), 'one  \ntwo');
  });
});
