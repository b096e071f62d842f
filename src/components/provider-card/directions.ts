/**
 * Directions to an address in the map app a person prefers. Each link is a
 * fixed https URL with the address as an encoded query value, so nothing
 * from the directory can change where the link goes; nothing is requested
 * until the person follows one.
 */
import type { Address } from '../../directory/schema.js';

export const MAP_APPS = ['google', 'apple', 'openstreetmap'] as const;
export type MapApp = (typeof MAP_APPS)[number];

export interface DirectionsLink {
  app: MapApp;
  href: string;
}

const DIRECTIONS_URL: Record<MapApp, (destination: string) => string> = {
  // Google's Maps URLs API and Apple's map links: directions to the destination.
  google: (destination) => `https://www.google.com/maps/dir/?api=1&destination=${destination}`,
  apple: (destination) => `https://maps.apple.com/?daddr=${destination}`,
  // openstreetmap.org fills its directions form from `to` and geocodes it.
  openstreetmap: (destination) => `https://www.openstreetmap.org/directions?to=${destination}`,
};

/**
 * The address as one line a map app can find: street, city, state and ZIP.
 * The suite line is left out (map search engines stumble on it), and without
 * a street there is nothing to find: a city centre is not the clinic.
 */
export function destinationOf(address: Address | undefined): string | undefined {
  if (!address?.line1) return undefined;
  const region = [address.state, address.postalCode].filter(Boolean).join(' ');
  return [address.line1, address.city, region].filter(Boolean).join(', ');
}

/** A link per map app, or none when the address has no street. */
export function directionsLinks(address: Address | undefined): DirectionsLink[] {
  const destination = destinationOf(address);
  if (!destination) return [];
  const encoded = encodeURIComponent(wellFormed(destination));
  return MAP_APPS.map((app) => ({ app, href: DIRECTIONS_URL[app](encoded) }));
}

/** encodeURIComponent throws on a lone surrogate; such a character becomes U+FFFD instead. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
