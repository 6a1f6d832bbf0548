/**
 * The details panel's page. It draws what the host sends (src/shared/detailsProtocol.ts) and
 * asks the host for everything else: data, opening links, other panels. Registry text is
 * written with textContent; only a description's Markdown becomes HTML, rendered with raw HTML
 * off and sanitized with DOMPurify before it is inserted.
 */
import * as l10n from '@vscode/l10n';
import type { HostToWebview, WebviewToHost } from '../../shared/detailsProtocol';
import { renderView } from './render';

const api = acquireVsCodeApi();
const root = document.getElementById('details-root') as HTMLElement;
let lastRequest = 0;

function post(message: WebviewToHost): void {
  api.postMessage(message);
}

function showState(kind: 'loading' | 'error', text: string): HTMLElement {
  const box = document.createElement('div');
  box.className = `state ${kind}`;
  if (kind === 'error') box.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.textContent = text;
  box.append(p);
  root.replaceChildren(box);
  root.setAttribute('aria-busy', String(kind === 'loading'));
  return box;
}

function load(fresh: boolean): void {
  lastRequest += 1;
  showState('loading', l10n.t('Loading details…'));
  post({ type: 'load', requestId: lastRequest, fresh });
}

function showError(message: string): void {
  const box = showState('error', l10n.t('The details could not be loaded.'));
  const detail = document.createElement('p');
  detail.className = 'detail';
  detail.textContent = message;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = l10n.t('Retry');
  retry.addEventListener('click', () => load(true));
  box.append(detail, retry);
  retry.focus();
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as HostToWebview | undefined;
  if (!message || typeof message !== 'object') return;
  switch (message.type) {
    case 'init':
      if (message.l10nBundle) l10n.config({ contents: message.l10nBundle });
      load(false);
      return;
    case 'loaded':
      if (message.requestId !== lastRequest) return;
      document.title = message.view.title;
      root.replaceChildren(
        renderView(message.view, (link) => post({ type: 'open', link }), { label: l10n.t('Refresh'), run: () => load(true) }),
      );
      root.setAttribute('aria-busy', 'false');
      return;
    case 'failed':
      if (message.requestId !== lastRequest) return;
      showError(message.message);
      return;
    case 'refresh':
      load(true);
      return;
  }
});

post({ type: 'ready' });
