import type { GeoPoint } from '../directory/schema.js';
import { stateCode } from './us-states.js';

/** What a person typed in the location field, understood. */
export type LocationQuery =
  | { kind: 'zip'; zip: string }
  | { kind: 'place'; city: string; state?: string }
  | { kind: 'point'; point: GeoPoint }
  | { kind: 'empty' };

const ZIP = /^(\d{5})(?:-\d{4})?$/;
const LAT_LNG = /^(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/;

export function parseLocationQuery(input: string): LocationQuery {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return { kind: 'empty' };

  const zip = ZIP.exec(text);
  if (zip) return { kind: 'zip', zip: zip[1] };

  const latLng = LAT_LNG.exec(text);
  if (latLng) {
    const lat = Number(latLng[1]);
    const lng = Number(latLng[2]);
    if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180) return { kind: 'point', point: { lat, lng } };
  }

  const comma = text.lastIndexOf(',');
  if (comma > 0) {
    const state = stateCode(text.slice(comma + 1));
    if (state) return { kind: 'place', city: text.slice(0, comma).trim(), state };
  }
  // "Chicago IL" without the comma: a trailing two-letter state code.
  const trailing = /^(.*\S)\s+([A-Za-z]{2})$/.exec(text);
  if (trailing) {
    const state = stateCode(trailing[2]);
    if (state) return { kind: 'place', city: trailing[1].replace(/,$/, ''), state };
  }
  return { kind: 'place', city: text.replace(/,$/, '') };
}
