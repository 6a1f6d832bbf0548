/**
 * Draws a DetailsView with DOM calls: every registry string goes in through textContent or
 * an attribute value, never as markup. The one exception, the description, is Markdown made
 * into HTML with raw HTML off and then sanitized (DOMPurify) into a fragment.
 */
import DOMPurify from 'dompurify';
import { descriptionLinkUrl } from '../../shared/descriptionLinks';
import type { Block, DetailsView, Inline, LinkTarget, Section } from '../../shared/detailsProtocol';
import { createMarkdown } from './markdown';

type Open = (link: LinkTarget) => void;

const markdown = createMarkdown();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Follows a click on a link through the host (which decides what may be opened). */
function onActivate(a: HTMLAnchorElement, activate: () => void): void {
  const handler = (e: MouseEvent) => {
    if (e.type === 'auxclick' && e.button !== 1) return;
    e.preventDefault();
    e.stopPropagation();
    activate();
  };
  a.addEventListener('click', handler);
  a.addEventListener('auxclick', handler);
}

function inline(part: Inline, open: Open): HTMLElement {
  const tag = part.link ? 'a' : part.style === 'code' ? 'code' : 'span';
  const e = document.createElement(tag);
  e.textContent = part.text;
  if (part.style) e.classList.add(part.style);
  if (part.style === 'stage' && part.stage) e.dataset.stage = part.stage;
  if (part.title) e.title = part.title;
  else if (part.style === 'chip') e.title = part.text; // a long tag is cut with an ellipsis
  if (part.link && e instanceof HTMLAnchorElement) {
    const link = part.link;
    e.href = link.kind === 'url' ? link.href : '#';
    onActivate(e, () => open(link));
  }
  return e;
}

function inlines(parts: Inline[], open: Open, into: HTMLElement): HTMLElement {
  parts.forEach((p, i) => {
    if (i > 0) into.append(' ');
    into.append(inline(p, open));
  });
  return into;
}

/** A description's Markdown as a sanitized fragment: no scripts, no event handlers, no images, links only where the host opens them. */
export function renderMarkdown(text: string, open: Open): HTMLElement {
  const box = el('div', 'markdown');
  const html = markdown.render(text);
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'img', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style', 'class', 'id'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
  box.append(fragment);
  for (const a of box.querySelectorAll('a')) {
    // The Markdown links only what the host opens; should anything else get through, it is text.
    const href = descriptionLinkUrl(a.getAttribute('href'));
    if (!href) {
      a.replaceWith(...a.childNodes);
      continue;
    }
    a.title = href;
    onActivate(a, () => open({ kind: 'url', href }));
  }
  return box;
}

function renderBlock(block: Block, open: Open): HTMLElement {
  if (block.kind === 'message') {
    const p = el('p', `message ${block.tone}`, block.text);
    if (block.tone === 'error') p.setAttribute('role', 'alert');
    return p;
  }
  const wrap = el('div', 'block');
  if (block.id) wrap.id = block.id;
  if (block.caption) wrap.append(el('h3', undefined, block.caption));
  if (block.rows.length === 0) {
    wrap.append(el('p', 'message info', block.emptyText));
    return wrap;
  }
  const table = el('table');
  const head = el('tr');
  const cellClass = (i: number) =>
    [block.columns[i]?.align === 'end' ? 'end' : '', block.columns[i]?.wrap ? 'wrap' : ''].join(' ').trim() || undefined;
  block.columns.forEach((c, i) => {
    const th = el('th', cellClass(i), c.label);
    th.scope = 'col';
    head.append(th);
  });
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const row of block.rows) {
    const tr = el('tr');
    row.forEach((cell, i) => tr.append(inlines(cell, open, el('td', cellClass(i)))));
    table.tBodies[0].append(tr);
  }
  const scroller = el('div', 'table-scroll');
  scroller.append(table);
  wrap.append(scroller);
  return wrap;
}

function renderSection(section: Section, open: Open): HTMLElement {
  const s = el('section', 'section');
  s.id = `section-${section.id}`;
  s.append(el('h2', undefined, section.title));
  for (const b of section.blocks) s.append(renderBlock(b, open));
  return s;
}

export function renderView(view: DetailsView, open: Open, refresh?: { label: string; run: () => void }): DocumentFragment {
  const out = document.createDocumentFragment();

  const header = el('header', 'header');
  header.append(el('div', 'kind', view.kindLabel), el('h1', undefined, view.title));
  if (refresh) {
    const button = el('button', 'refresh', refresh.label);
    button.type = 'button';
    button.title = refresh.label;
    button.addEventListener('click', refresh.run);
    header.append(button);
  }
  if (view.badges.length) header.append(inlines(view.badges, open, el('div', 'badges')));
  out.append(header);

  const facts = el('dl', 'facts');
  for (const f of view.facts) {
    const dd = el('dd');
    if (f.value.length) inlines(f.value, open, dd);
    else dd.append(el('span', 'muted', view.emptyText));
    facts.append(el('dt', undefined, f.label), dd);
  }
  out.append(facts);

  const description = el('section', 'section description');
  description.id = 'section-description';
  description.append(el('h2', undefined, view.description.title));
  description.append(
    view.description.markdown.trim()
      ? renderMarkdown(view.description.markdown, open)
      : el('p', 'message info', view.description.emptyText),
  );
  out.append(description);

  for (const s of view.sections) out.append(renderSection(s, open));
  return out;
}
