import type { SpineStrings } from './strings.js';
import { formatWait } from './wait.js';

const plural = new Intl.PluralRules('en');

export const en: SpineStrings = {
  locationLabel: 'ZIP code or city',
  locationHint: 'For example 60614 or Chicago, IL',
  radiusLabel: 'Distance',
  radiusOption: (distance) => `Within ${distance}`,
  searchButton: 'Search',
  searchRegionLabel: 'Find a Primary Spine Practitioner',

  searching: 'Searching…',
  resultsSummary: (count, formattedCount, radius, place) =>
    `${formattedCount} ${plural.select(count) === 'one' ? 'clinician' : 'clinicians'} within ${radius} of ${place}`,
  resultsPartial: (shown, total, formattedTotal, radius, place) =>
    `Showing the ${shown} nearest of ${formattedTotal} ${plural.select(total) === 'one' ? 'clinician' : 'clinicians'} within ${radius} of ${place}`,
  resultsOpenEnded: (shown, formattedShown, radius, place) =>
    `${formattedShown} ${plural.select(shown) === 'one' ? 'clinician' : 'clinicians'} so far within ${radius} of ${place}; more are available`,
  noResults: (radius, place) => `No clinicians found within ${radius} of ${place}.`,
  staleResults: 'These results are from your previous search.',
  droppedRecords: (count, formattedCount) =>
    `${formattedCount} ${plural.select(count) === 'one' ? 'listing' : 'listings'} could not be shown because the directory sent incomplete data.`,
  retry: 'Retry',
  moreResults: 'Show more clinicians',
  loadingMore: 'Loading more clinicians…',
  distanceAwayApproximate: (distance) => `About ${distance} away (from the ZIP code)`,
  resultsHeading: 'Results',

  errorLocationEmpty: 'Enter a ZIP code or a city and state.',
  errorLocationNotFound: (text) =>
    `We could not find “${text}”. Try a 5-digit ZIP code or a city and state, like Chicago, IL.`,
  errorLocationAmbiguous: (text, states, example) =>
    `“${text}” is in more than one state (${states}). Add the state, for example “${example}”.`,
  errorGeoData: 'Location lookup is not available right now.',
  errorNetwork: 'The directory could not be reached.',
  errorOffline: 'You appear to be offline.',
  errorTimeout: 'The directory took too long to answer.',
  errorHttp: (status) => `The directory answered with an error (${status}).`,
  errorBusy: (seconds) => `The directory is busy. Try again in ${formatWait(seconds, 'en')}.`,
  errorInvalidResponse: 'The directory sent a response that could not be read.',

  discipline: {
    chiropractic: 'Chiropractic',
    'physical-therapy': 'Physical therapy',
    osteopathic: 'Osteopathic medicine',
    medical: 'Medicine',
    other: 'Other spine care',
  },
  distanceAway: (distance) => `${distance} away`,
  acceptingNewPatients: 'Accepting new patients',
  notAcceptingNewPatients: 'Not accepting new patients',
  telehealth: 'Offers telehealth',
  phone: 'Phone',
  fax: 'Fax',
  email: 'Email',
  website: 'Website',
  booking: 'Book an appointment',
  languages: 'Languages',
  insurance: 'Insurance',
  showOnMap: 'Show on map',
  listSeparator: ', ',
  opensInNewTab: '(opens in a new tab)',
  errorConfiguration: 'This finder has no directory to search. Please tell the site’s owner.',

  mapLabel: 'Map of clinicians',
  markerLabel: (name, distance) => `${name}, ${distance}`,
  siteLabel: (count, formattedCount, place, distance) =>
    `${formattedCount} ${plural.select(count) === 'one' ? 'clinician' : 'clinicians'} at ${place}, ${distance}`,
  clusterLabel: (count, formattedCount) =>
    `Cluster of ${formattedCount} ${plural.select(count) === 'one' ? 'provider' : 'providers'}`,
  mapInstructions: 'Map of clinicians: arrow keys move the map, plus and minus zoom, Tab reaches each marker',
  mapRole: 'map',
  panUp: 'Move the map up',
  panDown: 'Move the map down',
  panLeft: 'Move the map left',
  panRight: 'Move the map right',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  closeList: 'Close',
  skipMap: 'Skip the map',
  afterMap: 'End of the map',
  searchThisArea: 'Search this area',
  mapArea: 'the map area',
  tilesFailed: 'Part of the map could not be loaded, so another map is shown. Every result is still in the list.',
  viewSwitchLabel: 'Show results as',
  showList: 'List',
  showMap: 'Map',
  basemapLoading: 'Loading map…',

  // Finder: filters, location, empty states, compact layout
  filtersLabel: 'Filters',
  disciplineLegend: 'Type of clinician',
  availabilityLegend: 'Availability',
  filterAccepting: 'Accepting new patients',
  filterTelehealth: 'Offers telehealth',
  filterRegistry: 'Spine IQ registry participant',
  filterLanguage: 'Language spoken',
  filterInsurance: 'Insurance accepted',
  filterName: 'Name or practice',
  sortLabel: 'Sort by',
  sortOrder: { distance: 'Nearest first', name: 'Name', quality: 'Pain outcomes, best first' },
  clearFilters: 'Clear filters',
  useMyLocation: 'Use my location',
  locating: 'Finding your location…',
  yourLocation: 'your location',
  errorGeolocationDenied:
    'Your location was not shared, so we cannot search near you. Type a ZIP code or a city instead.',
  errorGeolocationUnavailable: 'Your location could not be found. Type a ZIP code or a city instead.',
  choosePlace: (text) => `Which “${text}” do you mean?`,
  noResultsHelp: 'You could:',
  widenRadius: (radius) => `Search within ${radius}`,
  telehealthOption: 'Show clinicians offering telehealth',
  seeAllNear: (place) => `See all clinicians near ${place}`,

  // Provider card
  registryParticipant: 'Spine IQ registry participant',
  referralAdd: 'Add to referral sheet',
  referralIncluded: 'On referral sheet',
  moreDetails: 'More details',
  fewerDetails: 'Fewer details',
  locationsHeading: (count) => (plural.select(count) === 'one' ? 'Location' : 'Locations'),
  hours: 'Hours',
  dayRange: (first, last) => `${first}–${last}`,
  openingHours: (days, times) => `${days} ${times}`,
  directions: 'Directions',
  mapApps: { google: 'Google Maps', apple: 'Apple Maps', openstreetmap: 'OpenStreetMap' },
  qualityHeading: 'Patient outcomes',
  qualityMeasureNames: {
    'pain-interference-improvement': 'Meaningful improvement in pain interference',
    'function-improvement': 'Meaningful improvement in physical function',
  },
  qualityResult: (share, patients, formattedPatients, period) =>
    `${share} of ${formattedPatients} ${plural.select(patients) === 'one' ? 'patient' : 'patients'}, ${period}`,
  qualityExplain: 'What does this mean?',
  qualityExplanation:
    'Each percentage is the share of this clinician’s patients, seen in the period shown, who had the result ' +
    'named above it. The number of patients is how many people the figure is based on: the fewer there are, the ' +
    'more the figure can change by chance.',
  qualityMeasureExplanations: {
    'pain-interference-improvement':
      'Pain interference is how much pain gets in the way of daily life: work, chores, sleep, time with family and ' +
      'friends. Patients answer the same short questionnaire when their care starts and again later. The ' +
      'improvement is meaningful when it is big enough that patients generally notice the difference in their ' +
      'everyday life.',
    'function-improvement':
      'Physical function is how well someone can do everyday physical activities, such as walking, climbing ' +
      'stairs, getting dressed or carrying groceries. Patients answer the same short questionnaire when their care ' +
      'starts and again later. The improvement is meaningful when it is big enough that patients generally notice ' +
      'the difference in their everyday life.',
  },
  qualityVaries:
    'Results vary from person to person. They depend on each person’s condition and on many things besides the ' +
    'clinician, so these figures cannot promise how your own care will go.',
  qualityNotReported:
    'A clinician with no results shown has simply not reported any. That says nothing about the quality of their ' +
    'care.',

  // Referral sheet
  referralSheetTitle: 'Referral: Primary Spine Practitioners',
  referralDateLabel: 'Date',
  referralLabelled: (label, value) => `${label}: ${value}`,
  referralAboutHeading: 'What a Primary Spine Practitioner does',
  referralAbout:
    'A Primary Spine Practitioner is a clinician trained to assess and treat low back pain and neck pain without ' +
    'surgery. They are often the first clinician to see for these problems. Care usually combines exercise, manual ' +
    'therapy (hands-on treatment) and advice on staying active and managing pain. If you need tests or a different ' +
    'kind of care, they will refer you to another clinician.',
  referralContactsHeading: 'Contact details',
  referralNotesHeading: 'Notes',
  referralTrayLabel: 'Referral sheet',
  referralCount: (count, formattedCount) =>
    `${formattedCount} ${plural.select(count) === 'one' ? 'clinician' : 'clinicians'} on the referral sheet`,
  referralPrint: 'Print referral sheet',
  referralCopy: 'Copy details',
  referralClear: 'Clear',
  referralCopied: 'Copied to the clipboard.',
  referralCopyManual: 'Could not copy automatically. Select the text below and copy it.',
  referralCopyTextLabel: 'Details to copy',
};
