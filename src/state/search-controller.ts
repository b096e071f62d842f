import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DirectoryAdapter, DirectoryPage } from '../directory/adapter.js';
import type { DirectoryFilters, SortOrder } from '../directory/filters.js';
import { compareMatches } from '../directory/sort.js';
import { DirectoryError } from '../directory/adapter.js';
import type { SpineErrorKind } from '../events.js';
import type { DistanceUnit } from '../geo/distance.js';
import { toKm } from '../geo/distance.js';
import type { PositionOutcome } from '../geo/current-position.js';
import type { Geocoder, Place } from '../geo/geocoder.js';

/** What a person asked for: a location as typed, a radius and filters. */
export interface SearchRequest {
  text: string;
  /** A place already known (the map's view): the text is then not looked up. */
  place?: Place;
  /** Search around where the person is ("Use my location"); `text` names the place. */
  useCurrentPosition?: boolean;
  radius: number;
  units: DistanceUnit;
  /** Clinicians per page. */
  limit: number;
  filters: DirectoryFilters;
  sort?: SortOrder;
}

/**
 * A finished search: where it was centred and every clinician loaded so far
 * (the first page plus any "more results"), with the cursor for the next page.
 */
export interface SearchOutcome {
  request: SearchRequest;
  place: Place;
  page: DirectoryPage;
  /** How many of `page.matches` arrived with the latest page. */
  added: number;
  /** The first clinician, in list order, of those that arrived with the latest page. */
  firstAddedId?: string;
}

/** Why a search failed, by kind, so the finder can explain it. */
export class SearchFailure extends Error {
  constructor(
    readonly kind: SpineErrorKind,
    readonly request: SearchRequest,
    override readonly cause?: unknown,
    /** For an ambiguous place name: the places it could mean. */
    readonly candidates: readonly Place[] = [],
  ) {
    super(kind);
    this.name = 'SearchFailure';
  }

  /** Location and set-up problems are not fixed by trying again. */
  get retryable(): boolean {
    return !this.kind.startsWith('location-') && this.kind !== 'configuration';
  }
}

export interface SearchControllerOptions {
  adapter: () => DirectoryAdapter | undefined;
  geocoder: () => Geocoder;
  /** The browser's position, asked only for a request that wants it. */
  currentPosition: () => Promise<PositionOutcome>;
  onSearch: (request: SearchRequest, place: Place) => void;
  onResults: (outcome: SearchOutcome) => void;
  onFailure: (failure: SearchFailure) => void;
}

type SearchAction = { kind: 'search'; request: SearchRequest } | { kind: 'more'; base: SearchOutcome };

/**
 * Runs searches for the finder: geocodes the location, asks the directory,
 * and keeps the outcome; loads further pages on request. A new search aborts
 * whatever is in flight, and only the latest action's outcome ever lands
 * (`@lit/task` guarantees both). The last good results stay available while
 * a newer search is pending or has failed, and Retry repeats whatever failed.
 */
export class SearchController implements ReactiveController {
  /** The most recent successful search; kept while a newer one runs or fails. */
  outcome?: SearchOutcome;

  private lastAction?: SearchAction;

  private readonly task: Task<[SearchAction], SearchOutcome>;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: SearchControllerOptions,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: ([action], { signal }) =>
        action.kind === 'search' ? this.runSearch(action.request, signal) : this.loadPage(action.base, signal),
      onComplete: (outcome) => {
        this.outcome = outcome;
        options.onResults(outcome);
      },
      onError: (error) => {
        if (error instanceof SearchFailure) options.onFailure(error);
      },
    });
  }

  search(request: SearchRequest): void {
    this.run({ kind: 'search', request });
  }

  /** Loads the next page of the current results, when there is one. */
  loadMore(): void {
    if (this.outcome?.page.next && !this.pending) this.run({ kind: 'more', base: this.outcome });
  }

  /** Repeats what last failed (or last ran), as it was asked. */
  retry(): void {
    if (this.lastAction) this.run(this.lastAction);
  }

  /** The request of the latest search, whatever became of it. */
  get request(): SearchRequest | undefined {
    const action = this.lastAction;
    return action?.kind === 'search' ? action.request : action?.base.request;
  }

  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** True while a further page is loading (the earlier ones stay on show). */
  get loadingMore(): boolean {
    return this.pending && this.lastAction?.kind === 'more';
  }

  /** Why the latest action failed; undefined when it did not. */
  get failure(): SearchFailure | undefined {
    const error = this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
    return error instanceof SearchFailure ? error : undefined;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.task.abort();
  }

  private run(action: SearchAction): void {
    this.lastAction = action;
    void this.task.run([action]);
  }

  private async runSearch(request: SearchRequest, signal: AbortSignal): Promise<SearchOutcome> {
    const place = await this.locate(request, signal);
    const adapter = this.options.adapter();
    if (!adapter) throw new SearchFailure('configuration', request, new Error('No directory endpoint is set'));
    this.options.onSearch(request, place);
    const page = await this.ask(adapter, request, place, undefined, signal);
    return { request, place, page, added: page.matches.length, firstAddedId: page.matches[0]?.provider.id };
  }

  private async loadPage(base: SearchOutcome, signal: AbortSignal): Promise<SearchOutcome> {
    const adapter = this.options.adapter();
    if (!adapter) throw new SearchFailure('configuration', base.request, new Error('No directory endpoint is set'));
    const page = await this.ask(adapter, base.request, base.place, base.page.next, signal);
    // A directory whose data moved between pages may repeat a clinician.
    const seen = new Set(base.page.matches.map((match) => match.provider.id));
    const fresh = page.matches.filter((match) => !seen.has(match.provider.id));
    // Pages come in order, but a directory that cannot sort (FHIR without
    // `near`) may bring an earlier clinician on a later page.
    const matches = [...base.page.matches, ...fresh].sort(compareMatches(base.request.sort));
    const freshIds = new Set(fresh.map((match) => match.provider.id));
    return {
      request: base.request,
      place: base.place,
      page: {
        matches,
        total: page.total ?? base.page.total,
        next: page.next,
        dropped: base.page.dropped + page.dropped,
      },
      added: fresh.length,
      firstAddedId: matches.find((match) => freshIds.has(match.provider.id))?.provider.id,
    };
  }

  private async ask(
    adapter: DirectoryAdapter,
    request: SearchRequest,
    place: Place,
    cursor: string | undefined,
    signal: AbortSignal,
  ): Promise<DirectoryPage> {
    try {
      return await adapter.search(
        {
          point: place.point,
          radiusKm: toKm(request.radius, request.units),
          limit: request.limit,
          filters: request.filters,
          ...(request.sort ? { sort: request.sort } : {}),
          ...(cursor ? { cursor } : {}),
        },
        { signal },
      );
    } catch (error) {
      throw this.asFailure(error, request, signal);
    }
  }

  private async locate(request: SearchRequest, signal: AbortSignal): Promise<Place> {
    if (request.place) return request.place;
    if (request.useCurrentPosition) {
      const position = await this.options.currentPosition();
      signal.throwIfAborted();
      if (position.status === 'found') return { point: position.point, label: request.text };
      throw new SearchFailure(position.status === 'denied' ? 'location-denied' : 'location-unavailable', request);
    }
    let result;
    try {
      result = await this.options.geocoder()(request.text, { signal });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new SearchFailure('geo-data', request, error);
    }
    switch (result.status) {
      case 'found':
        return result.place;
      case 'empty':
        throw new SearchFailure('location-empty', request);
      case 'not-found':
        throw new SearchFailure('location-not-found', request);
      case 'ambiguous':
        throw new SearchFailure('location-ambiguous', request, undefined, result.candidates);
    }
  }

  private asFailure(error: unknown, request: SearchRequest, signal: AbortSignal): unknown {
    if (signal.aborted) return error;
    if (error instanceof DirectoryError) return new SearchFailure(error.kind, request, error);
    return new SearchFailure('network', request, error);
  }
}
