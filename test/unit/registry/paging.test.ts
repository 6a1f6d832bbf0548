import * as assert from 'node:assert/strict';
import { collect, items, type Page, pages } from '../../../src/registry/paging';
import { toRegisteredModel } from '../../../src/registry/wire';
import { type RegisteredModel } from '../../../src/registry/types';
import { recorded } from '../../support/recorded';

/** The three recorded pages (one model each), served by page token as the server did. */
function recordedPages(): Map<string | undefined, Page<RegisteredModel>> {
  const byToken = new Map<string | undefined, Page<RegisteredModel>>();
  for (const name of ['models-search-page1', 'models-search-page2', 'models-search-page3']) {
    const r = recorded(name);
    const body = JSON.parse(r.text) as { registered_models: unknown[]; next_page_token?: string };
    const token = r.request.query?.page_token as string | undefined;
    byToken.set(token, { items: body.registered_models.map(toRegisteredModel), nextPageToken: body.next_page_token });
  }
  return byToken;
}

describe('paging over page_token', () => {
  it('walks all recorded pages in order and stops where the server sent no token', async () => {
    const served = recordedPages();
    const asked: (string | undefined)[] = [];
    const names = await collect(
      items(async (token) => {
        asked.push(token);
        return served.get(token)!;
      }),
    );
    assert.deepEqual(
      names.map((m) => m.name),
      ['fixture-a', 'fixture-b', 'power-forecasting-model'],
    );
    assert.equal(asked.length, 3);
    assert.equal(asked[0], undefined);
  });

  it('fetches nothing until asked, and only one page for the first page', async () => {
    const served = recordedPages();
    let fetched = 0;
    const it = pages(async (token) => {
      fetched++;
      return served.get(token)!;
    });
    assert.equal(fetched, 0);
    const first = await it.next();
    assert.equal(fetched, 1);
    assert.equal(first.value && first.value.items.length, 1);
    assert.ok(first.value && first.value.nextPageToken);
  });

  it('stops with an error when a token comes back twice instead of looping', async () => {
    const looping = async () => ({ items: [1], nextPageToken: 'same' });
    await assert.rejects(collect(items(looping)), /same page token/i);
  });

  it('collect honours a limit', async () => {
    const served = recordedPages();
    const two = await collect(
      items(async (t) => served.get(t)!),
      2,
    );
    assert.equal(two.length, 2);
  });
});
