import { DirectoryError } from '../directory/adapter.js';
import type { SearchFailure } from '../state/search-controller.js';
import type { SpineStrings } from './strings.js';

/** What a person is told when a search fails, in their language. */
export function failureMessage(failure: SearchFailure, strings: SpineStrings): string {
  switch (failure.kind) {
    case 'location-empty':
      return strings.errorLocationEmpty;
    case 'location-not-found':
      return strings.errorLocationNotFound(failure.request.text.trim());
    case 'location-ambiguous':
      return strings.errorLocationAmbiguous(
        failure.request.text.trim(),
        failure.candidates.map((place) => place.state ?? place.label).join(strings.listSeparator),
        failure.candidates[0]?.label ?? '',
      );
    case 'location-denied':
      return strings.errorGeolocationDenied;
    case 'location-unavailable':
      return strings.errorGeolocationUnavailable;
    case 'geo-data':
      return strings.errorGeoData;
    case 'offline':
      return strings.errorOffline;
    case 'timeout':
      return strings.errorTimeout;
    case 'http': {
      const cause = failure.cause instanceof DirectoryError ? failure.cause : undefined;
      if (cause?.retryAfterMs !== undefined) return strings.errorBusy(Math.ceil(cause.retryAfterMs / 1000));
      return strings.errorHttp(cause?.status ?? 0);
    }
    case 'invalid-response':
      return strings.errorInvalidResponse;
    case 'configuration':
      return strings.errorConfiguration;
    case 'network':
      return strings.errorNetwork;
  }
}
