/**
 * Markdown for registry descriptions: raw HTML off (a `<script>` or `<img onerror>` in a
 * description is text), images shown as their alt text (the panel loads nothing remote), and
 * only http(s) and mailto links. The HTML it makes is sanitized again (DOMPurify) before it
 * reaches the DOM. No DOM here, so the unit tests run it in plain Node.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });
  md.disable('image');
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  return md;
}
