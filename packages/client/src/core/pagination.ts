import { APIPromise } from './api-promise.js';
import { LightfieldError } from './errors.js';
import type { PageInfo } from '../internal/operation.js';

/** A page as `toJSON` gives it: `{ object, data, totalCount }`, whatever the API names them. */
export interface ListBody<Item> {
  object: string;
  data: Item[];
  totalCount: number;
}

/** Fetches the page at an offset, with the same query and options. */
export type FetchPage<Item> = (offset: number) => PagePromise<Item>;

/**
 * One page of a list. It is also async-iterable over every item of this page and the pages
 * after it, fetching them as the loop reaches them.
 */
export class Page<Item> implements AsyncIterable<Item> {
  /** The response's `object` property, e.g. `"list"`. */
  readonly object: string;
  /** The items of this page (the response property the spec lists them in, e.g. `data`). */
  readonly data: Item[];
  /**
   * How many items match the query, across all pages; where the body gives no total, the items
   * up to the end of this page.
   */
  readonly totalCount: number;
  /** The offset this page starts at. */
  readonly offset: number;
  /** The page size asked for (the API's default where none was given). */
  readonly limit: number;
  /** The raw response of this page. */
  readonly response: Response;
  readonly #fetchPage: FetchPage<Item>;
  readonly #counted: boolean;
  readonly #warn: ((message: string) => void) | undefined;

  constructor(
    body: Record<string, unknown>,
    response: Response,
    at: { offset: number; limit: number; page: PageInfo; warn?: (message: string) => void },
    fetchPage: FetchPage<Item>,
  ) {
    const items = body[at.page.items];
    const total = at.page.total === undefined ? undefined : body[at.page.total];
    this.object = body['object'] as string;
    this.data = Array.isArray(items) ? (items as Item[]) : [];
    // Where the spec has a total but a body lacks it, the page counts itself: the last one.
    this.#counted = at.page.total !== undefined;
    this.totalCount = typeof total === 'number' ? total : at.offset + this.data.length;
    this.offset = at.offset;
    this.limit = at.limit;
    this.response = response;
    this.#fetchPage = fetchPage;
    this.#warn = at.warn;
  }

  /**
   * By the API's rules: none after an empty or short page, or once `offset + data.length`
   * reaches the total (where the API gives one).
   */
  hasNextPage(): boolean {
    return (
      this.data.length > 0 &&
      this.data.length >= this.limit &&
      (!this.#counted || this.offset + this.data.length < this.totalCount)
    );
  }

  /** The next page; throws when there is none (check {@link hasNextPage}). */
  getNextPage(): PagePromise<Item> {
    if (!this.hasNextPage()) {
      return new PagePromise(
        Promise.reject(new LightfieldError('There is no next page; check hasNextPage() first.')),
      );
    }
    return this.#fetchPage(this.offset + this.data.length);
  }

  /**
   * This page and every page after it. The walk stops, with a warning, at a page that repeats the
   * first item of an earlier one or brings no item not seen before: a server that ignores the
   * offset would otherwise be paged until the total, for ever in practice.
   */
  async *iterPages(): AsyncGenerator<Page<Item>, void, undefined> {
    // The walk starts at this page and moves `page` on to each next one.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- a cursor, not a saved `this`
    let page: Page<Item> = this;
    const seen = new Set(page.data.map(identity));
    const firsts = new Set(page.data.slice(0, 1).map(identity));
    yield page;
    while (page.hasNextPage()) {
      const next = await page.getNextPage();
      const stuck = stall(next.data, seen, firsts);
      if (stuck) {
        this.#warn?.(`stopped at offset ${next.offset} of ${next.totalCount}: the page ${stuck}`);
        return;
      }
      page = next;
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }

  /** Leaves the response and fetcher out of JSON. */
  toJSON(): ListBody<Item> {
    return { object: this.object, data: this.data, totalCount: this.totalCount };
  }
}

/** What tells items apart: the `id` where there is one, else the whole item. */
function identity(item: unknown): unknown {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : JSON.stringify(item);
}

/** Why a next page shows the paging is stuck, if it does; notes its items as seen otherwise. */
function stall(data: unknown[], seen: Set<unknown>, firsts: Set<unknown>): string | undefined {
  const keys = data.map(identity);
  if (keys.length && firsts.has(keys[0])) return 'repeats an earlier page (is `offset` ignored?)';
  if (keys.length && keys.every((k) => seen.has(k))) return 'has only items already seen';
  for (const k of keys) seen.add(k);
  firsts.add(keys[0]);
  return undefined;
}

/**
 * What a list method returns: awaited, the first page; iterated with `for await`, every item of
 * every page.
 */
export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  constructor(result: Promise<{ data: Page<Item>; response: Response }>) {
    super(result);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this;
  }

  /** Every page, starting with this one. */
  async *iterPages(): AsyncGenerator<Page<Item>, void, undefined> {
    yield* (await this).iterPages();
  }
}
