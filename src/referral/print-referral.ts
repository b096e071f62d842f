/**
 * The printable referral sheet. `buildReferralSheet` makes it (DOM only, text
 * only); `printReferralSheet` prints it from a hidden same-origin frame, so
 * neither paper nor "Save as PDF" carries the host page around the finder.
 *
 * Nothing here writes HTML: every piece of directory data becomes a text
 * node, and the sheet is styled by a constructed stylesheet adopted by the
 * frame's document, which a `style-src 'self'` policy allows.
 */
import { mailtoHref, telHref, webHref } from '../directory/links.js';
import { addressLines, displayName } from '../directory/provider-text.js';
import type { Provider } from '../directory/schema.js';
import { formatLongDate, stringsFor } from '../i18n/locale.js';
import type { SpineStrings } from '../i18n/strings.js';

export interface ReferralSheetOptions {
  /** Language of the sheet and its date: `en` or `es` (others read as English). */
  lang?: string;
  /** The date printed under the heading; today by default. */
  date?: Date;
  /** The words to use instead of the shipped table for `lang` (a host's translations). */
  strings?: SpineStrings;
}

export interface PrintReferralOptions extends ReferralSheetOptions {
  /** The document the hidden frame is added to; the current one by default. */
  document?: Document;
  /**
   * Milliseconds after `print()` returns before the frame is removed anyway,
   * for browsers that never fire `afterprint` on it (headless Chromium).
   */
  cleanupTimeout?: number;
}

const DEFAULT_CLEANUP_TIMEOUT = 60_000;

/** Ruled lines left for the referring clinician's handwritten notes. */
const NOTE_LINES = 5;

/** The frame takes no room; set through CSSOM, which a strict `style-src` allows (a style attribute it would not). */
const HIDDEN_FRAME_STYLE: Readonly<Record<string, string>> = {
  position: 'fixed',
  right: '0',
  bottom: '0',
  width: '0',
  height: '0',
  border: '0',
};

/** Tagged `css` like Lit's, so the drop-in's build minifies it the same way; it has no `${}`. */
const css = String.raw;

/**
 * The sheet's styles, for paper: black on white, 11.5pt type, no
 * backgrounds, and a clinician never split across two pages.
 */
export const REFERRAL_SHEET_CSS = css`
  @page {
    margin: 18mm 16mm;
  }

  :root {
    color: #000;
    background: #fff;
    font-family: 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif;
    font-size: 11.5pt;
    line-height: 1.4;
  }

  body {
    margin: 0;
  }

  h1 {
    font-size: 17pt;
    line-height: 1.2;
    margin: 0 0 4pt;
  }

  h2 {
    font-size: 13pt;
    margin: 16pt 0 6pt;
    break-after: avoid;
  }

  h3 {
    font-size: 12pt;
    margin: 0 0 2pt;
    break-after: avoid;
  }

  p,
  address,
  dl {
    margin: 0;
  }

  address {
    font-style: normal;
  }

  a {
    color: inherit;
    text-decoration: none;
  }

  .clinician {
    break-inside: avoid;
    padding: 8pt 0;
    border-top: 0.75pt solid #000;
  }

  .clinician p,
  .clinician address,
  .clinician dl {
    margin-top: 2pt;
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    column-gap: 8pt;
  }

  dt {
    font-weight: 700;
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .notes {
    break-inside: avoid;
  }

  .rule {
    height: 9mm;
    border-bottom: 0.75pt solid #000;
  }
`;

/**
 * The referral sheet for `providers`: heading, date, what a Primary Spine
 * Practitioner does, each clinician's contact details and ruled lines for
 * notes. Built in `doc` (the current document by default) from text nodes
 * only, so a name like `<img onerror=…>` is printed as written.
 */
export function buildReferralSheet(
  providers: readonly Provider[],
  options: ReferralSheetOptions = {},
  doc: Document = document,
): HTMLElement {
  const { lang = 'en', date = new Date() } = options;
  const strings = options.strings ?? stringsFor(lang);
  const el = elementFactory(doc);

  const dateLabel = strings.referralLabelled(strings.referralDateLabel, formatLongDate(date, lang));
  const rules = Array.from({ length: NOTE_LINES }, () => el('div', { className: 'rule' }));
  return el(
    'main',
    { className: 'referral-sheet', lang },
    el('header', {}, el('h1', {}, strings.referralSheetTitle), el('p', { className: 'date' }, dateLabel)),
    el(
      'section',
      { className: 'about' },
      el('h2', {}, strings.referralAboutHeading),
      el('p', {}, strings.referralAbout),
    ),
    el(
      'section',
      { className: 'clinicians' },
      el('h2', {}, strings.referralContactsHeading),
      ...providers.map((provider) => clinicianSection(provider, strings, el)),
    ),
    el('section', { className: 'notes' }, el('h2', {}, strings.referralNotesHeading), ...rules),
  );
}

/**
 * Prints the referral sheet from a hidden frame and removes the frame after
 * `afterprint` (or `cleanupTimeout` after `print()` returns). `print()` is
 * called before this returns, within the person's click, and an error from it
 * is thrown here; the promise resolves once the frame is gone.
 */
export function printReferralSheet(providers: readonly Provider[], options: PrintReferralOptions = {}): Promise<void> {
  const { document: hostDocument = document, cleanupTimeout = DEFAULT_CLEANUP_TIMEOUT } = options;
  const lang = options.lang ?? 'en';
  // No src: the frame keeps its initial about:blank document, same origin and ready at once,
  // which a navigation to src="about:blank" may replace later in some browsers.
  const frame = hostDocument.createElement('iframe');
  frame.title = (options.strings ?? stringsFor(lang)).referralSheetTitle;
  // Out of the tab order and the accessibility tree while it waits to be removed.
  frame.tabIndex = -1;
  frame.inert = true;
  frame.setAttribute('aria-hidden', 'true');
  for (const [name, value] of Object.entries(HIDDEN_FRAME_STYLE)) frame.style.setProperty(name, value);
  hostDocument.body.append(frame);

  // The frame's own globals: its CSSStyleSheet is the one its document can adopt.
  const frameWindow = frame.contentWindow as Window & typeof globalThis;
  const frameDocument = frame.contentDocument!;
  frameDocument.documentElement.lang = lang;
  frameDocument.title = (options.strings ?? stringsFor(lang)).referralSheetTitle;
  const styles = new frameWindow.CSSStyleSheet();
  styles.replaceSync(REFERRAL_SHEET_CSS);
  frameDocument.adoptedStyleSheets = [styles];
  frameDocument.body.append(buildReferralSheet(providers, options, frameDocument));

  let frameRemoved!: () => void;
  const removed = new Promise<void>((resolve) => (frameRemoved = resolve));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const remove = () => {
    clearTimeout(timer);
    frameWindow.removeEventListener('afterprint', handleAfterPrint);
    frame.remove();
    frameRemoved();
  };
  // Chromium fires afterprint inside print(): the frame goes once print() has returned.
  const handleAfterPrint = () => setTimeout(remove);
  frameWindow.addEventListener('afterprint', handleAfterPrint, { once: true });
  try {
    frameWindow.print();
  } catch (error) {
    remove();
    throw error;
  }
  timer = setTimeout(remove, cleanupTimeout);
  return removed;
}

type ElementFactory = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<Pick<HTMLElement, 'className' | 'lang'>> & { href?: string },
  ...children: Array<Node | string>
) => HTMLElementTagNameMap[K];

/** `createElement` with a class, a language or a link, and text children appended as text nodes. */
function elementFactory(doc: Document): ElementFactory {
  return (tag, properties, ...children) => {
    const element = doc.createElement(tag);
    if (properties.className) element.className = properties.className;
    if (properties.lang) element.lang = properties.lang;
    if (properties.href) element.setAttribute('href', properties.href);
    element.append(...children);
    return element;
  };
}

function clinicianSection(provider: Provider, strings: SpineStrings, el: ElementFactory): HTMLElement {
  const phoneHref = provider.phone ? telHref(provider.phone) : undefined;
  // The schema keeps only safe links; checked again for objects that never went through it.
  const website = webHref(provider.website);
  const email = mailtoHref(provider.email);
  const rows: Array<[string, Node | string | undefined]> = [
    [strings.phone, provider.phone && phoneHref ? el('a', { href: phoneHref }, provider.phone) : provider.phone],
    [strings.fax, provider.fax],
    [strings.email, email ? el('a', { href: email }, provider.email!) : undefined],
    [strings.website, website ? el('a', { href: website }, website) : undefined],
    [strings.languages, provider.languages?.length ? provider.languages.join(strings.listSeparator) : undefined],
  ];
  const details = rows.flatMap(([term, value]) => (value ? [el('dt', {}, term), el('dd', {}, value)] : []));
  const lines = provider.address ? addressLines(provider.address) : [];
  const summary = [
    provider.discipline && strings.discipline[provider.discipline],
    provider.practice,
    provider.acceptingNewPatients === undefined
      ? undefined
      : provider.acceptingNewPatients
        ? strings.acceptingNewPatients
        : strings.notAcceptingNewPatients,
  ].filter((text): text is string => Boolean(text));

  return el(
    'article',
    { className: 'clinician' },
    el('h3', {}, displayName(provider)),
    ...summary.map((text) => el('p', {}, text)),
    ...(lines.length ? [el('address', {}, ...lines.flatMap((line, i) => (i ? [el('br', {}), line] : [line])))] : []),
    ...(details.length ? [el('dl', {}, ...details)] : []),
  );
}
