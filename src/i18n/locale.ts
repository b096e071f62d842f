import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DistanceUnit } from '../geo/distance.js';
import { fromKm } from '../geo/distance.js';
import { en } from './en.js';
import { es } from './es.js';
import type { SpineStrings } from './strings.js';

const TABLES: Readonly<Record<string, SpineStrings>> = { en, es };

/**
 * The language in force for an element: its own `lang` or its nearest
 * ancestor's, looking through shadow roots, so a leaf inside the finder
 * follows the page.
 */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = node.getAttribute('lang')!.trim();
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}

export function stringsFor(lang: string): SpineStrings {
  return TABLES[baseLanguage(lang)] ?? en;
}

/** The locale Intl formats with: the page's, if it is a language we ship. */
export function formattingLocale(lang: string): string {
  return baseLanguage(lang) in TABLES ? lang : 'en';
}

function baseLanguage(lang: string): string {
  return lang.toLowerCase().split('-')[0];
}

/**
 * Miles where people expect them: US English and Spanish (the finder serves
 * US patients), and kilometres for other English locales and other
 * languages.
 */
export function defaultUnitsFor(lang: string): DistanceUnit {
  const [language, region] = lang.toLowerCase().split('-');
  if (language === 'es') return 'mi';
  if (language === 'en') return !region || region === 'us' ? 'mi' : 'km';
  return 'km';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * One formatter per locale and options, kept: building an Intl formatter
 * costs far more than using one, and a map of thousands of markers names
 * thousands of distances.
 */
function numberFormat(lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const locale = formattingLocale(lang);
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatDistance(km: number, units: DistanceUnit, lang: string): string {
  const value = fromKm(km, units);
  return numberFormat(lang, {
    style: 'unit',
    unit: units === 'mi' ? 'mile' : 'kilometer',
    unitDisplay: 'long',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

export function formatRadius(radius: number, units: DistanceUnit, lang: string): string {
  return numberFormat(lang, {
    style: 'unit',
    unit: units === 'mi' ? 'mile' : 'kilometer',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(radius);
}

export function formatCount(count: number, lang: string): string {
  return numberFormat(lang).format(count);
}

/** A date as people write it in their language: "November 27, 2026", "27 de noviembre de 2026". */
export function formatLongDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(formattingLocale(lang), { dateStyle: 'long' }).format(date);
}

/**
 * Keeps an element's strings in its language, resolved when it connects.
 */
export class LocaleController implements ReactiveController {
  lang = 'en';
  strings: SpineStrings = en;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.lang = resolveLang(this.host);
    this.strings = stringsFor(this.lang);
  }
}
