/** One page of a search, as the registry returned it. */
export interface Page<T> {
  items: T[];
  /** Present only when more rows exist. */
  nextPageToken?: string;
}

export type PageFetcher<T> = (pageToken: string | undefined) => Promise<Page<T>>;

/**
 * Pages lazily over `page_token`: nothing is fetched until the caller asks for the next page,
 * so a tree can stop after the first one. A token seen twice ends in an error, never a loop.
 */
export async function* pages<T>(fetchPage: PageFetcher<T>, onLoop?: () => Error): AsyncGenerator<Page<T>, void, undefined> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield page;
    token = page.nextPageToken || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw onLoop ? onLoop() : new Error('The same page token came back twice.');
      seen.add(token);
    }
  } while (token !== undefined);
}

/** Every item of every page, fetched page by page as the caller iterates. */
export async function* items<T>(fetchPage: PageFetcher<T>, onLoop?: () => Error): AsyncGenerator<T, void, undefined> {
  for await (const page of pages(fetchPage, onLoop)) yield* page.items;
}

/** Drains an async iterable into an array (for callers that truly want everything). */
export async function collect<T>(iterable: AsyncIterable<T>, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    if (out.length >= limit) break;
    out.push(item);
  }
  return out;
}
