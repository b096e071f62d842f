import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DistanceUnit } from '../geo/distance.js';
import { fromKm } from '../geo/distance.js';
import { en } from './en.js';
import type { SpineStrings } from './strings.js';

/** The string tables at hand, by base language: English always, others once loaded. */
const TABLES: Record<string, SpineStrings> = { en };

/**
 * The other languages the finder ships, each in a chunk of its own that a
 * page loads only when something on it is in that language, so a page in
 * English never downloads them (issue 8).
 */
const LOADERS: Readonly<Record<string, () => Promise<SpineStrings>>> = {
  es: () => import('./es.js').then((module) => module.es),
};

const loading = new Map<string, Promise<void>>();

/**
 * Loads the shipped table of a language if it is not at hand yet, then
 * tells every element to look again at its words. `undefined` when there
 * is nothing to wait for: English, a loaded table, or a language the finder
 * has no words for. A table that fails to load leaves English in its place.
 */
export function loadStrings(lang: string): Promise<void> | undefined {
  const base = baseLanguage(lang);
  if (base in TABLES || !(base in LOADERS)) return undefined;
  let promise = loading.get(base);
  if (!promise) {
    promise = LOADERS[base]().then(
      (table) => {
        TABLES[base] = table;
        refreshLocales();
      },
      () => undefined,
    );
    loading.set(base, promise);
  }
  return promise;
}

/** Whether the finder ships words for this base language, loaded or not. */
function ships(base: string): boolean {
  return base in TABLES || base in LOADERS;
}

/** Makes a loaded table of a language available at once, as the package's entry does for Spanish. */
export function addStrings(lang: string, table: SpineStrings): void {
  TABLES[baseLanguage(lang)] = table;
}

/**
 * Strings a host gives the finder, by language: any subset of a table to
 * change a few words (`{ en: { searchButton: 'Find' } }`), or a whole table
 * to add a language (`{ fr: { … } }`). A language tag with a region
 * (`es-MX`) overrides its base language (`es`) for that region only.
 */
export type Translations = Readonly<Record<string, Partial<SpineStrings>>>;

/** Languages some host has given strings for, so numbers and dates are formatted in them too. */
const hostLanguages = new Set<string>();

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

/**
 * The strings for a language: the shipped table for its base language
 * (English when there is none), with a host's translations for the base
 * language and then for the full tag laid over it.
 */
export function stringsFor(lang: string, translations?: Translations): SpineStrings {
  const base = baseLanguage(lang);
  // A shipped table still loading: English until it is here (elements wait for it; see LocaleController).
  const table = TABLES[base] ?? en;
  if (!translations) return table;
  return { ...table, ...translations[base], ...translations[lang.toLowerCase()], ...translations[lang] };
}

/** The locale Intl formats with: the page's, if it is a language the finder has strings for. */
export function formattingLocale(lang: string): string {
  const base = baseLanguage(lang);
  return ships(base) || hostLanguages.has(base) ? lang : 'en';
}

/**
 * The translations nearest an element: those of its closest ancestor (or
 * itself) that has a `translations` property, looking through shadow roots,
 * so every part of a finder speaks the words its host gave the finder.
 */
export function resolveTranslations(element: Element): Translations | undefined {
  let node: Node | null = element;
  while (node) {
    const translations = (node as { translations?: unknown }).translations;
    if (node instanceof Element && translations && typeof translations === 'object') {
      return translations as Translations;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/** Makes numbers and dates follow the languages a host added. */
export function registerHostLanguages(translations: Translations): void {
  for (const lang of Object.keys(translations)) hostLanguages.add(baseLanguage(lang));
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

const controllers = new Set<LocaleController>();
let langObserver: MutationObserver | undefined;

/**
 * Tells every connected element to look again at its language and strings:
 * after a `lang` attribute changed anywhere in the page, or a host changed
 * a finder's translations.
 */
export function refreshLocales(): void {
  for (const controller of controllers) controller.refresh();
}

/**
 * Keeps an element's strings in its language: the `lang` of the element or
 * its nearest ancestor, with any translations its host gave, and follows
 * both when they change.
 */
export class LocaleController implements ReactiveController {
  lang = 'en';
  strings: SpineStrings = en;
  /**
   * The language the strings are really in: `lang`, or English where the
   * finder has no words for the page's language. Elements mark their
   * content with it, so a screen reader reads English as English on a page
   * in French (WCAG 3.1.2).
   */
  contentLang = 'en';
  /**
   * While the words of the element's language load (Spanish, on a page's
   * first use): what its updates wait for, so it never shows English first.
   */
  pending: Promise<void> | undefined;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.resolve();
    controllers.add(this);
    if (!langObserver && typeof MutationObserver !== 'undefined') {
      langObserver = new MutationObserver(refreshLocales);
      langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    controllers.delete(this);
    if (controllers.size === 0) {
      langObserver?.disconnect();
      langObserver = undefined;
    }
  }

  /**
   * Runs an element's update (its `scheduleUpdate`) once the words of its
   * language are here: at once in English, as before any table loads.
   */
  afterLoading(update: () => void | Promise<unknown>): void | Promise<unknown> {
    return this.pending ? this.pending.then(update) : update();
  }

  /**
   * The `lang` an element puts on its content: only where its words are not
   * in the language around it, so everything inside still follows the page.
   */
  get markedLang(): string | undefined {
    return this.contentLang === this.lang ? undefined : this.contentLang;
  }

  /** Resolves the language and strings again, and redraws the element if they changed. */
  refresh(): void {
    const { lang, strings, contentLang } = this;
    this.resolve();
    if (lang === this.lang && strings === this.strings) return;
    this.host.requestUpdate();
    // The parts inside this element see its new mark only once it has drawn.
    if (contentLang !== this.contentLang) void this.host.updateComplete.then(refreshLocales);
  }

  private resolve(): void {
    this.lang = resolveLang(this.host);
    this.pending = loadStrings(this.lang);
    const translations = resolveTranslations(this.host);
    this.strings = stringsFor(this.lang, translations);
    const base = baseLanguage(this.lang);
    const known = ships(base) || Object.keys(translations ?? {}).some((tag) => baseLanguage(tag) === base);
    this.contentLang = known ? this.lang : 'en';
  }
}
