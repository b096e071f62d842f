import type { MapApp } from '../components/provider-card/directions.js';
import type { SortOrder } from '../directory/filters.js';
import type { KnownQualityMeasure } from '../directory/quality.js';
import type { Discipline } from '../directory/schema.js';

/**
 * Every piece of text the finder shows or announces. One table per language;
 * messages that depend on numbers or names are functions so each language
 * can order words and pluralize its own way. Numbers and distances arrive
 * already formatted for the locale.
 */
export interface SpineStrings {
  /** Accessible name of the location field; must say what to type. */
  locationLabel: string;
  locationHint: string;
  radiusLabel: string;
  radiusOption: (distance: string) => string;
  searchButton: string;
  searchRegionLabel: string;

  searching: string;
  resultsSummary: (count: number, formattedCount: string, radius: string, place: string) => string;
  resultsPartial: (shown: string, total: number, formattedTotal: string, radius: string, place: string) => string;
  resultsOpenEnded: (shown: number, formattedShown: string, radius: string, place: string) => string;
  noResults: (radius: string, place: string) => string;
  staleResults: string;
  droppedRecords: (count: number, formattedCount: string) => string;
  retry: string;
  moreResults: string;
  loadingMore: string;
  distanceAwayApproximate: (distance: string) => string;
  resultsHeading: string;

  errorLocationEmpty: string;
  errorLocationNotFound: (text: string) => string;
  errorLocationAmbiguous: (text: string, states: string, example: string) => string;
  errorGeoData: string;
  errorNetwork: string;
  errorOffline: string;
  errorTimeout: string;
  errorHttp: (status: number) => string;
  /** A 429 or 503 that said how long to wait (Retry-After), in seconds. */
  errorBusy: (seconds: number) => string;
  errorInvalidResponse: string;

  discipline: Record<Discipline, string>;
  distanceAway: (distance: string) => string;
  acceptingNewPatients: string;
  notAcceptingNewPatients: string;
  telehealth: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  booking: string;
  languages: string;
  insurance: string;
  showOnMap: string;
  listSeparator: string;
  opensInNewTab: string;
  errorConfiguration: string;

  mapLabel: string;
  markerLabel: (name: string, distance: string) => string;
  siteLabel: (count: number, formattedCount: string, place: string, distance: string) => string;
  clusterLabel: (count: number, formattedCount: string) => string;
  mapInstructions: string;
  mapRole: string;
  panUp: string;
  panDown: string;
  panLeft: string;
  panRight: string;
  zoomIn: string;
  zoomOut: string;
  closeList: string;
  skipMap: string;
  afterMap: string;
  searchThisArea: string;
  mapArea: string;
  tilesFailed: string;
  viewSwitchLabel: string;
  showList: string;
  showMap: string;
  basemapLoading: string;

  // Finder: filters, location, empty states, compact layout
  filtersLabel: string;
  disciplineLegend: string;
  availabilityLegend: string;
  filterAccepting: string;
  filterTelehealth: string;
  filterRegistry: string;
  filterLanguage: string;
  filterInsurance: string;
  filterName: string;
  sortLabel: string;
  sortOrder: Record<SortOrder, string>;
  clearFilters: string;
  useMyLocation: string;
  locating: string;
  yourLocation: string;
  errorGeolocationDenied: string;
  errorGeolocationUnavailable: string;
  choosePlace: (text: string) => string;
  noResultsHelp: string;
  widenRadius: (radius: string) => string;
  telehealthOption: string;
  seeAllNear: (place: string) => string;

  // Provider card
  /** The badge of a clinician who takes part in the Spine IQ registry. */
  registryParticipant: string;
  referralAdd: string;
  referralIncluded: string;
  moreDetails: string;
  fewerDetails: string;
  /** Heading of the places a clinician sees patients, for `count` places. */
  locationsHeading: (count: number) => string;
  hours: string;
  /** Consecutive weekdays, already named in the language: "Mon–Fri". */
  dayRange: (first: string, last: string) => string;
  /** One line of opening hours: "Mon–Fri 8:00 AM – 5:00 PM". */
  openingHours: (days: string, times: string) => string;
  directions: string;
  mapApps: Record<MapApp, string>;
  qualityHeading: string;
  /** Names of the outcome measures the finder knows; other measures show the directory's label. */
  qualityMeasureNames: Record<KnownQualityMeasure, string>;
  /** "72% of 120 patients, January – December 2025": share, sample and period, already formatted. */
  qualityResult: (share: string, patients: number, formattedPatients: string, period: string) => string;
  qualityExplain: string;
  /** What a percentage, a number of patients and a period mean, for any measure. */
  qualityExplanation: string;
  /** What each known measure counts, in plain words. */
  qualityMeasureExplanations: Record<KnownQualityMeasure, string>;
  /** That results vary and cannot promise anyone's outcome. */
  qualityVaries: string;
  /** That a clinician without results has not reported any, which says nothing against them. */
  qualityNotReported: string;

  // Referral sheet
  /** Heading of the printed sheet and of the copied text; also the document title "Save as PDF" names the file by. */
  referralSheetTitle: string;
  referralDateLabel: string;
  /** "Phone: (312) 555-0101": a label and its value on one line of plain text. */
  referralLabelled: (label: string, value: string) => string;
  referralAboutHeading: string;
  /** What a Primary Spine Practitioner does, for the patient: plain words, no promise of outcomes. */
  referralAbout: string;
  referralContactsHeading: string;
  referralNotesHeading: string;
  referralTrayLabel: string;
  referralCount: (count: number, formattedCount: string) => string;
  referralPrint: string;
  referralCopy: string;
  referralClear: string;
  referralCopied: string;
  referralCopyManual: string;
  referralCopyTextLabel: string;
}
