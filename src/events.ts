/**
 * Every event the finder's elements fire. Each bubbles and is composed, so a
 * host page hears it on `<spine-finder>` (or any ancestor) and reads typed
 * fields straight off the event.
 */
import type { Match } from './directory/adapter.js';
import type { DirectoryFilters, SortOrder } from './directory/filters.js';
import type { GeoPoint, Provider } from './directory/schema.js';
import type { Place } from './geo/geocoder.js';
import type { DistanceUnit } from './geo/distance.js';

const PUBLIC: EventInit = { bubbles: true, composed: true };

/** The location field was submitted (from `<spine-search-box>`). */
export class SpineSearchRequestEvent extends Event {
  static readonly eventName = 'spine-search-request';
  constructor(
    /** What the person typed in the location field. */
    readonly text: string,
    /** The radius they chose, in the finder's units. */
    readonly radius: number,
  ) {
    super(SpineSearchRequestEvent.eventName, PUBLIC);
  }
}

/** A person changed the filters or the order of results (from `<spine-filters>`). */
export class SpineFiltersChangeEvent extends Event {
  static readonly eventName = 'spine-filters-change';
  constructor(
    readonly filters: DirectoryFilters,
    readonly sort: SortOrder,
  ) {
    super(SpineFiltersChangeEvent.eventName, PUBLIC);
  }
}

/** A person pressed "Use my location" (from `<spine-search-box>`). */
export class SpineLocateRequestEvent extends Event {
  static readonly eventName = 'spine-locate-request';
  constructor(readonly radius: number) {
    super(SpineLocateRequestEvent.eventName, PUBLIC);
  }
}

/** A search started: the location was understood and the directory is asked. */
export class SpineSearchEvent extends Event {
  static readonly eventName = 'spine-search';
  constructor(
    /** Where the search is centred and how that place reads to a person. */
    readonly place: Place,
    readonly radius: number,
    readonly units: DistanceUnit,
  ) {
    super(SpineSearchEvent.eventName, PUBLIC);
  }
}

/** A search finished with results (possibly none). */
export class SpineResultsEvent extends Event {
  static readonly eventName = 'spine-results';
  constructor(
    /** The providers found, nearest first. */
    readonly matches: readonly Match[],
    /** How many match in all, when the directory says. */
    readonly total: number | undefined,
    /** Records in the response that failed validation and were left out. */
    readonly dropped: number,
    readonly place: Place,
  ) {
    super(SpineResultsEvent.eventName, PUBLIC);
  }
}

/** A person asked to search the part of the map they are looking at (from `<spine-map>`). */
export class SpineAreaSearchEvent extends Event {
  static readonly eventName = 'spine-area-search';
  constructor(
    /** The centre of the map. */
    readonly center: GeoPoint,
    /** From the centre to the farthest visible corner, in kilometres. */
    readonly radiusKm: number,
  ) {
    super(SpineAreaSearchEvent.eventName, PUBLIC);
  }
}

export type SelectionSource = 'list' | 'map';

/** A person chose a provider, on a card or on the map. */
export class SpineSelectEvent extends Event {
  static readonly eventName = 'spine-select';
  constructor(
    readonly provider: Provider,
    /** Where the choice was made. */
    readonly source: SelectionSource,
    /** True when it was made with the keyboard (focus should follow). */
    readonly viaKeyboard = false,
  ) {
    super(SpineSelectEvent.eventName, PUBLIC);
  }
}

/** A clinician was added to or taken off the referral sheet (from a card). */
export class SpineReferralToggleEvent extends Event {
  static readonly eventName = 'spine-referral-toggle';
  constructor(
    readonly provider: Provider,
    /** True when the clinician is now on the sheet. */
    readonly included: boolean,
  ) {
    super(SpineReferralToggleEvent.eventName, PUBLIC);
  }
}

/** A referral sheet was sent to the printer (or to "Save as PDF"). */
export class SpineReferralPrintEvent extends Event {
  static readonly eventName = 'spine-referral-print';
  constructor(readonly providers: readonly Provider[]) {
    super(SpineReferralPrintEvent.eventName, PUBLIC);
  }
}

/** Clinicians' contact details were copied as text (by the Copy button, or by hand from the text shown). */
export class SpineReferralCopyEvent extends Event {
  static readonly eventName = 'spine-referral-copy';
  constructor(readonly providers: readonly Provider[]) {
    super(SpineReferralCopyEvent.eventName, PUBLIC);
  }
}

export type SpineErrorKind =
  | 'location-empty'
  | 'location-not-found'
  | 'location-ambiguous'
  | 'location-denied'
  | 'location-unavailable'
  | 'geo-data'
  | 'network'
  | 'offline'
  | 'timeout'
  | 'http'
  | 'invalid-response'
  | 'configuration';

/** A search failed. `message` is what the person was shown. */
export class SpineErrorEvent extends Event {
  static readonly eventName = 'spine-error';
  constructor(
    readonly kind: SpineErrorKind,
    readonly message: string,
    /** The underlying error, for logging. */
    readonly cause?: unknown,
  ) {
    super(SpineErrorEvent.eventName, PUBLIC);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'spine-search-request': SpineSearchRequestEvent;
    'spine-area-search': SpineAreaSearchEvent;
    'spine-filters-change': SpineFiltersChangeEvent;
    'spine-locate-request': SpineLocateRequestEvent;
    'spine-search': SpineSearchEvent;
    'spine-results': SpineResultsEvent;
    'spine-select': SpineSelectEvent;
    'spine-error': SpineErrorEvent;
    'spine-referral-toggle': SpineReferralToggleEvent;
    'spine-referral-print': SpineReferralPrintEvent;
    'spine-referral-copy': SpineReferralCopyEvent;
  }
}
