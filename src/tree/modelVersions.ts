import type { Page } from '../registry/paging';
import type { ModelVersion } from '../registry/types';

/**
 * The versions of one model loaded so far, page by page (`version_number DESC`), keyed by
 * version number so a re-fetched page replaces rather than duplicates.
 */
export class ModelVersions {
  private readonly byVersion = new Map<string, ModelVersion>();
  private nextPageToken: string | undefined;
  private pagesLoaded = 0;
  private loading: Promise<void> | undefined;

  constructor(private readonly fetchPage: (pageToken: string | undefined) => Promise<Page<ModelVersion>>) {}

  get loaded(): boolean {
    return this.pagesLoaded > 0;
  }

  /** Every page has been read. */
  get complete(): boolean {
    return this.loaded && this.nextPageToken === undefined;
  }

  get all(): ModelVersion[] {
    return [...this.byVersion.values()].sort((a, b) => Number(b.version) - Number(a.version));
  }

  /** Loads the first page if nothing is loaded yet (concurrent callers share one request). */
  ensureFirstPage(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return this.loadNext();
  }

  loadNext(): Promise<void> {
    if (this.loading) return this.loading;
    if (this.loaded && this.nextPageToken === undefined) return Promise.resolve();
    this.loading = (async () => {
      try {
        const page = await this.fetchPage(this.nextPageToken);
        for (const v of page.items) this.byVersion.set(v.version, v);
        this.nextPageToken = page.nextPageToken;
        this.pagesLoaded++;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  update(version: ModelVersion): void {
    this.byVersion.set(version.version, version);
  }

  pending(): ModelVersion[] {
    return this.all.filter((v) => v.status === 'PENDING_REGISTRATION');
  }
}
