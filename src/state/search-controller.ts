import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DirectoryAdapter, DirectoryPage } from '../directory/adapter.js';
import { DirectoryError } from '../directory/adapter.js';
import type { SpineErrorKind } from '../events.js';
import type { DistanceUnit } from '../geo/distance.js';
import { toKm } from '../geo/distance.js';
import type { Geocoder, Place } from '../geo/geocoder.js';

/** What a person asked for: a location as typed and a radius. */
export interface SearchRequest {
  text: string;
  radius: number;
  units: DistanceUnit;
  limit: number;
}

/** A finished search: where it was centred and what the directory returned. */
export interface SearchOutcome {
  request: SearchRequest;
  place: Place;
  page: DirectoryPage;
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
  onSearch: (request: SearchRequest, place: Place) => void;
  onResults: (outcome: SearchOutcome) => void;
  onFailure: (failure: SearchFailure) => void;
}

/**
 * Runs searches for the finder: geocodes the location, asks the directory,
 * and keeps the outcome. A new search aborts the one in flight, and only the
 * latest search's outcome ever lands (`@lit/task` guarantees both). The last
 * good results stay available while a newer search is pending or has failed.
 */
export class SearchController implements ReactiveController {
  /** The most recent successful search; kept while a newer one runs or fails. */
  outcome?: SearchOutcome;

  private lastRequest?: SearchRequest;

  private readonly task: Task<[SearchRequest], SearchOutcome>;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: SearchControllerOptions,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: ([request], { signal }) => this.runSearch(request, signal),
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
    this.lastRequest = request;
    void this.task.run([request]);
  }

  /** Runs the last search again, as it was asked. */
  retry(): void {
    if (this.lastRequest) this.search(this.lastRequest);
  }

  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Why the latest search failed; undefined when it did not. */
  get failure(): SearchFailure | undefined {
    const error = this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
    return error instanceof SearchFailure ? error : undefined;
  }

  /** True when the results on show are not the answer to the latest search. */
  get stale(): boolean {
    return this.outcome !== undefined && this.outcome.request !== this.lastRequest;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.task.abort();
  }

  private async runSearch(request: SearchRequest, signal: AbortSignal): Promise<SearchOutcome> {
    const place = await this.locate(request, signal);
    const adapter = this.options.adapter();
    if (!adapter) throw new SearchFailure('configuration', request, new Error('No directory endpoint is set'));
    this.options.onSearch(request, place);
    try {
      const page = await adapter.search(
        { point: place.point, radiusKm: toKm(request.radius, request.units), limit: request.limit, filters: {} },
        { signal },
      );
      return { request, place, page };
    } catch (error) {
      throw this.asFailure(error, request, signal);
    }
  }

  private async locate(request: SearchRequest, signal: AbortSignal): Promise<Place> {
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
