import type { GeoPoint } from '../directory/schema.js';

export type PositionOutcome = { status: 'found'; point: GeoPoint } | { status: 'denied' } | { status: 'unavailable' };

/** Two decimals of a degree: about a kilometre, enough to find clinicians, not enough to find a home. */
const DECIMALS = 2;

/**
 * Where the person is, asked of the browser only when they press "Use my
 * location". The point is rounded to about a kilometre before anything
 * else sees it: it goes to the directory, and it is the patient's home.
 */
export function currentPosition(timeoutMs = 15_000): Promise<PositionOutcome> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve({ status: 'unavailable' });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      ({ coords }) =>
        resolve({
          status: 'found',
          point: { lat: round(coords.latitude), lng: round(coords.longitude) },
        }),
      (error) => resolve({ status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, maximumAge: 300_000, timeout: timeoutMs },
    );
  });
}

function round(degrees: number): number {
  const factor = 10 ** DECIMALS;
  return Math.round(degrees * factor) / factor;
}
