/**
 * The finder's configuration as one object: the `config` property, or the
 * JSON of a `<script type="application/json">` inside the element. It holds
 * every attribute's value under its property name, and the options that can
 * only be objects (request headers, translations, a geocoder, an adapter of
 * the host's own).
 *
 * One table of checks (`OPTIONS`) checks configuration from every source
 * (attributes, properties, the object, the script) entry by entry, so a
 * wrong value costs only itself, and every message names the option, the
 * value and what it takes.
 */
import type { Check, Checked } from '../../checks.js';
import { fields, flag, holds, isObject, oneOf, positiveNumber, text } from '../../checks.js';
import type { DirectoryAdapter } from '../../directory/adapter.js';
import type { AdapterName } from '../../directory/adapters.js';
import { ADAPTER_NAMES } from '../../directory/adapters.js';
import { checkFilters, SORT_ORDERS } from '../../directory/filters.js';
import { DISCIPLINES } from '../../directory/vocabulary.js';
import type { CoordinatePrecision } from '../../geo/coordinate-precision.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { DISTANCE_UNITS, isDistanceUnit } from '../../geo/distance.js';
import type { Geocoder } from '../../geo/geocoder.js';
import { en } from '../../i18n/en.js';
import type { Translations } from '../../i18n/locale.js';

export const LAYOUTS = ['full', 'compact'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const THEMES = ['light', 'dark'] as const;
export const REQUEST_CREDENTIALS = ['omit', 'same-origin', 'include'] as const;

/**
 * Words by language, each key one of `SpineStrings` with a value of the same
 * kind: text for text, a function for a message built from numbers or names
 * (which JSON cannot give, so those stay in English unless set through the
 * property).
 */
const checkTranslations: Check<Translations> = (translations) => {
  if (!isObject(translations)) return [];
  for (const [lang, table] of Object.entries(translations)) {
    for (const [key, value] of Object.entries(isObject(table) ? table : { '': table })) {
      const expected = typeof (en as unknown as Record<string, unknown>)[key];
      if (expected !== 'undefined' && typeof value === expected) continue;
      return key ? [lang, key] : [lang];
    }
  }
  return undefined;
};

/**
 * Every option of `<spine-finder>`, each optional, under its property's
 * name, with what it takes: a property added to the finder needs its entry
 * here (a test says so). The type of `config` comes from here.
 */
const OPTIONS = {
  endpoint: text,
  adapter: holds<AdapterName | DirectoryAdapter>(
    (value) =>
      (ADAPTER_NAMES as readonly unknown[]).includes(value) ||
      (typeof value === 'object' && value !== null && typeof (value as DirectoryAdapter).search === 'function'),
  ),
  filters: checkFilters,
  sort: oneOf(SORT_ORDERS),
  location: text,
  layout: oneOf(LAYOUTS),
  finderUrl: text,
  syncUrl: flag,
  timeout: positiveNumber,
  requestHeaders: holds<Record<string, string>>(
    (value) => isObject(value) && Object.values(value).every((header) => typeof header === 'string'),
  ),
  requestCredentials: oneOf(REQUEST_CREDENTIALS),
  coordinatePrecision: holds<CoordinatePrecision>(
    (value) => value === 'exact' || (typeof value === 'number' && Number.isFinite(value) && value >= 0),
  ),
  radius: positiveNumber,
  units: holds<DistanceUnit>(isDistanceUnit),
  limit: positiveNumber,
  theme: oneOf(THEMES),
  noMap: flag,
  noGeolocation: flag,
  tileUrl: text,
  tileAttribution: text,
  basemap: text,
  basemapAttribution: text,
  translations: checkTranslations,
  geocoder: holds<Geocoder>((value) => typeof value === 'function'),
};

/**
 * Where a configuration object first goes wrong (`['radius']`,
 * `['filters', 'telehealth']`, or a key that is not an option), or
 * `undefined` when every entry is valid.
 */
export const checkFinderConfig = fields(OPTIONS);

/** The finder's options in one object; see `<spine-finder>` for each. */
export type FinderConfig = Checked<typeof checkFinderConfig>;
export type ConfigKey = keyof FinderConfig;

export const CONFIG_KEYS = Object.keys(OPTIONS) as ConfigKey[];

const oneOfWords = (values: readonly string[]) => `one of ${values.join(', ')}`;
const TEXT = 'text';
const FLAG = 'true or false';

/** What each option takes, in words, for the messages. */
const ACCEPTS: Record<ConfigKey, string> = {
  endpoint: 'the URL of the directory, as text',
  adapter: `${oneOfWords(ADAPTER_NAMES)} (or, as a property, an object with a search() method)`,
  filters:
    `an object (JSON in the attribute) with any of disciplines (a list of ${DISCIPLINES.join(', ')}), acceptingNewPatients, telehealth, ` +
    'registryParticipant (true or false), language, insurance and query (text)',
  sort: oneOfWords(SORT_ORDERS),
  location: 'text: a ZIP, "City, ST" or "lat,lng"',
  layout: oneOfWords(LAYOUTS),
  finderUrl: 'a URL, as text',
  syncUrl: FLAG,
  timeout: 'a number of milliseconds above 0',
  requestHeaders: 'an object of header names and text values',
  requestCredentials: oneOfWords(REQUEST_CREDENTIALS),
  coordinatePrecision: 'a width in km, 0 or more, or exact',
  radius: 'a number above 0',
  units: oneOfWords(DISTANCE_UNITS),
  limit: 'a number above 0',
  theme: oneOfWords(THEMES),
  noMap: FLAG,
  noGeolocation: FLAG,
  tileUrl: 'a URL template, as text',
  tileAttribution: TEXT,
  basemap: 'a URL, as text',
  basemapAttribution: TEXT,
  translations:
    'words by language, like {"en": {"searchButton": "Find"}}: keys of SpineStrings, text for text ' +
    '(messages with numbers or names only as functions, through the property)',
  geocoder: 'a function (through the property)',
};

/** What the finder does instead of an attribute or property it cannot use. */
const OTHERWISE: Partial<Record<ConfigKey, string>> = {
  adapter: 'reading the endpoint as json',
  filters: 'searching without filters',
  sort: 'sorting nearest first',
  layout: 'using the full layout',
  timeout: 'waiting the default time',
  requestCredentials: 'sending no cookies (omit)',
  coordinatePrecision: 'rounding to 1 km',
  radius: 'using the default radius',
  units: "using the language's usual unit",
  limit: 'asking for the default number at a time',
  theme: "following the person's colour scheme",
};

/** The first thing wrong with one option's value, or nothing. Absent (`null`, `undefined`) is never wrong. */
export function optionProblem(key: ConfigKey, value: unknown): { path: PropertyKey[]; value: unknown } | undefined {
  if (value === null || value === undefined) return undefined;
  const path = OPTIONS[key](value);
  return path && { path, value: valueAt(value, path) };
}

/** Where a wrong value came from, to name it the way the host wrote it. */
export type ConfigSource =
  { kind: 'attribute'; name: string; text: string } | { kind: 'property' } | { kind: 'config' } | { kind: 'script' };

/** The message for a value an option does not take. */
export function invalidOption(
  key: ConfigKey,
  problem: { path: PropertyKey[]; value: unknown },
  source: ConfigSource,
): string {
  const inner = problem.path.map(String).join('.');
  let where: string;
  if (source.kind === 'attribute') {
    where = `${source.name}='${source.text}'${inner ? ` (at ${inner})` : ''}`;
  } else {
    const name = [key, ...problem.path.map(String)].join('.');
    where = {
      property: `${name} = ${show(problem.value)}`,
      config: `config.${name} = ${show(problem.value)}`,
      script: `"${name}": ${show(problem.value)} in the <script type="application/json">`,
    }[source.kind];
  }
  const name = source.kind === 'attribute' ? source.name : key;
  const otherwise = source.kind === 'config' || source.kind === 'script' ? 'left out' : OTHERWISE[key];
  return `${where} is not valid: ${name} takes ${ACCEPTS[key]}${otherwise ? `; ${otherwise}` : ''}.`;
}

/**
 * Reads a configuration object entry by entry: the entries that are valid,
 * and a message for each one that is not (an unknown key, a wrong value).
 */
export function readConfig(
  input: unknown,
  source: 'config' | 'script',
): { values: Partial<Record<ConfigKey, unknown>>; messages: string[] } {
  const values: Partial<Record<ConfigKey, unknown>> = {};
  const messages: string[] = [];
  if (input === null || input === undefined) return { values, messages };
  const label = source === 'config' ? 'config' : 'the <script type="application/json">';
  if (typeof input !== 'object' || Array.isArray(input)) {
    messages.push(`${label} is ${show(input)}, not an object of options like {"endpoint": "…", "radius": 10}.`);
    return { values, messages };
  }
  for (const [name, value] of Object.entries(input)) {
    if (!(CONFIG_KEYS as string[]).includes(name)) {
      messages.push(`${label} has ${JSON.stringify(name)}, which is not an option${hintFor(name)}`);
      continue;
    }
    const key = name as ConfigKey;
    if (value === null || value === undefined) continue;
    const problem = optionProblem(key, value);
    if (problem) messages.push(invalidOption(key, problem, { kind: source }));
    else values[key] = value;
  }
  return { values, messages };
}

/** Reads the JSON of a `<script type="application/json">`: parsed, never run. */
export function readConfigScript(text: string): ReturnType<typeof readConfig> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      values: {},
      messages: [
        `the <script type="application/json"> is not JSON (${(error as Error).message}); its configuration is left out.`,
      ],
    };
  }
  return readConfig(json, 'script');
}

/** Whether two configuration entries say the same: the same data, or the same object or function. */
export function sameEntry(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isPlainData(a) || !isPlainData(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every(
      (key) =>
        Object.hasOwn(b, key) && sameEntry((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

function isPlainData(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === Array.prototype || prototype === null;
}

/** The end of the message for an unknown key: what to write instead, or every option's name. */
function hintFor(name: string): string {
  if (name === 'lang') return ': set lang on the element or the page, as HTML does.';
  // An attribute's name, or a property's in the wrong case.
  const camel = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const match = CONFIG_KEYS.find((key) => key.toLowerCase() === camel.toLowerCase());
  if (match) return `; did you mean ${JSON.stringify(match)}?`;
  return `; the options are ${CONFIG_KEYS.join(', ')}.`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const step of path) current = (current as Record<PropertyKey, unknown> | undefined)?.[step];
  return current;
}

/** A value as the host would recognise it, kept short. */
function show(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'number' || value === undefined) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
