/**
 * spine-finder's public API, free of side effects: importing it defines no
 * elements and touches no DOM. Import `spine-finder/define.js` (or load the
 * drop-in `dist/spine-finder.js`) to register the elements.
 */
export { SpineFinder, LAYOUTS } from './components/finder/finder.js';
export type { Layout } from './components/finder/finder.js';
export { checkFinderConfig } from './components/finder/finder-config.js';
export type { FinderConfig } from './components/finder/finder-config.js';
export { SpineFilters } from './components/filters/filters.js';
export { ADAPTER_NAMES, createAdapter } from './directory/adapters.js';
export type { AdapterName } from './directory/adapters.js';
export { SpineSearchBox, RADIUS_CHOICES } from './components/search-box/search-box.js';
export { SpineResults } from './components/results/results.js';
export { SpineProviderCard } from './components/provider-card/provider-card.js';
export { SpineMap } from './components/map/map.js';
export { SpineReferralTray } from './components/referral-tray/referral-tray.js';
export { buildReferralSheet, printReferralSheet, referralText } from './referral/referral-exports.js';
export type { ReferralTextOptions } from './referral/referral-text.js';
export { REFERRAL_SHEET_CSS } from './referral/print-referral.js';
export type { ReferralSheetOptions, PrintReferralOptions } from './referral/print-referral.js';
export { SpineReferralClearEvent } from './referral/events.js';

export {
  SpineSearchRequestEvent,
  SpineSearchEvent,
  SpineResultsEvent,
  SpineSelectEvent,
  SpineErrorEvent,
  SpineAreaSearchEvent,
  SpineReferralToggleEvent,
  SpineReferralPrintEvent,
  SpineReferralCopyEvent,
  SpineFiltersChangeEvent,
  SpineLocateRequestEvent,
} from './events.js';
export type { SelectionSource, SpineErrorKind } from './events.js';

export type {
  DirectoryAdapter,
  DirectorySearch,
  DirectoryPage,
  Match,
  DirectoryErrorKind,
} from './directory/adapter.js';
export { DirectoryError } from './directory/adapter.js';
export { createJsonAdapter } from './directory/json-adapter.js';
export { createStaticAdapter } from './directory/static-adapter.js';
export type { StaticAdapterOptions } from './directory/static-adapter.js';
export { createFhirAdapter } from './directory/fhir/fhir-adapter.js';
export type { FhirAdapterOptions } from './directory/fhir/fhir-adapter.js';
export type { RequestPolicy } from './directory/http.js';
export { checkFilters, matchesFilters, SORT_ORDERS } from './directory/filters.js';
export type { DirectoryFilters, SortOrder } from './directory/filters.js';
export { compareMatches } from './directory/sort.js';
export {
  ProviderSchema,
  GeoPointSchema,
  AddressSchema,
  DirectoryResponseSchema,
  DISCIPLINES,
  WEEKDAYS,
  OpeningHoursSchema,
  QualityMeasureSchema,
  RegistrySchema,
  OtherLocationSchema,
  parseProviders,
} from './directory/schema.js';
export type {
  Provider,
  GeoPoint,
  Address,
  Discipline,
  OpeningHours,
  QualityMeasure,
  OtherLocation,
  Weekday,
  ParsedProviders,
  RejectedRecord,
} from './directory/schema.js';

export { createOfflineGeocoder } from './geo/geocoder.js';
export type { Geocoder, GeocodeResult, Place } from './geo/geocoder.js';
export { distanceKm } from './geo/distance.js';
export type { DistanceUnit } from './geo/distance.js';
export type { SpineStrings } from './i18n/strings.js';
export { setAssetsPath, getAssetsPath } from './assets.js';
