/**
 * Markdown for registry descriptions: raw HTML off (a `<script>` or `<img onerror>` in a
 * description is text), an image shown as its alt text only (the panel loads nothing remote and
 * does not turn an image into a link), and a link only where the host opens it: http(s), or a
 * plain mailto (src/shared/descriptionLinks.ts, the rule the host applies too); any other link
 * stays text. The HTML it makes is sanitized again (DOMPurify) before it reaches the DOM. No
 * DOM here, so the unit tests run it in plain Node.
 */
import MarkdownIt from 'markdown-it';
import { descriptionLinkUrl } from '../../shared/descriptionLinks';

export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });
  // markdown-it hands validateLink the normalized URL, the href the page will carry.
  md.validateLink = (url: string) => descriptionLinkUrl(url) !== undefined;
  md.renderer.rules.image = (tokens, idx, options, env, self) =>
    md.utils.escapeHtml(self.renderInlineAsText(tokens[idx].children ?? [], options, env));
  return md;
}
