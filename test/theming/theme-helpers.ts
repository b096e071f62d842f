/**
 * What the theming tests measure beyond the accessibility helpers, in any
 * scheme or theme: the surfaces the elements paint, the contrast of text,
 * edges, focus rings and the map's marks; and a host page's own style sheet.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { SpineMap } from '../../src/components/map/map.js';
import {
  backgroundBehind,
  containsDeep,
  contrastRatio,
  deepActiveElement,
  describe as describeElement,
  focusIndicatorOf,
  formatRatio,
  isRendered,
  isVisuallyHidden,
  over,
  parseColor,
  ratioAgainst,
  relativeLuminance,
  shadowRootsUnder,
} from '../a11y/a11y-helpers.js';
import type { Rgba } from '../a11y/a11y-helpers.js';

/** A style sheet of the project (`/demo/hostile.css`) linked from the page's head, as a host page has its own; remove it after the test. */
export async function linkPageStyleSheet(href: string): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener('load', resolve);
    link.addEventListener('error', () => reject(new Error(`${href} did not load`)));
  });
  document.head.append(link);
  await loaded;
  return link;
}

/** What is wrong with a focused element's indicator: missing, thinner than 2px, or under 3:1 against what is next to it. */
export function focusProblems(element: Element): string[] {
  const indicator = focusIndicatorOf(element);
  if (indicator.kind === 'none') return [`${describeElement(element)}: no outline or ring when focused`];
  const problems: string[] = [];
  if (indicator.width < 2) problems.push(`${describeElement(element)}: ${indicator.kind} only ${indicator.width}px`);
  const adjacent = indicator.inside ? backgroundBehind(element) : backgroundBehind(element, { includeSelf: false });
  const ratio = contrastRatio(over(indicator.color, adjacent), adjacent);
  if (ratio < 3) problems.push(`${describeElement(element)}: ${indicator.kind} contrast ${formatRatio(ratio)}`);
  return problems;
}

/** Relative luminance of a computed colour: a dark surface is below 0.05, a light one above 0.8. */
export function luminanceOf(css: string): number {
  return relativeLuminance(parseColor(css));
}

/** Large text (24px, or 18.66px bold) needs 3:1 instead of 4.5:1 (WCAG 1.4.3). */
function isLargeText(style: CSSStyleDeclaration): boolean {
  const size = parseFloat(style.fontSize);
  return size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
}

/** Whether an element holds text of its own (not only in its children). */
export function hasOwnText(element: Element): boolean {
  return [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
}

/**
 * Text in the shadow roots under `root` below AA against what is behind it:
 * every element with text of its own, and the values of fields and selects.
 * Disabled controls are exempt, as WCAG has them.
 */
export function weakText(root: Element): string[] {
  return shadowRootsUnder(root)
    .flatMap((shadow) => [...shadow.querySelectorAll<HTMLElement>('*')])
    .filter((element) => element.matches('input:not([type="checkbox"]), select, textarea') || hasOwnText(element))
    .filter((element) => isRendered(element) && !element.matches(':disabled') && !isVisuallyHidden(element))
    .flatMap((element) => {
      const style = getComputedStyle(element);
      const background = backgroundBehind(element);
      const ratio = ratioAgainst(parseColor(style.color), background);
      const needed = isLargeText(style) ? 3 : 4.5;
      return ratio >= needed ? [] : [`${describeElement(element)}: text ${formatRatio(ratio)}`];
    });
}

/**
 * What each element paints behind its content: the outermost elements of
 * every shadow root (where each element lays its surface), the cards, fields,
 * selects, secondary buttons and the map's controls, with the luminance of
 * the opaque colour behind them.
 */
export function surfaces(root: Element): { element: HTMLElement; luminance: number }[] {
  const elements = shadowRootsUnder(root).flatMap((shadow) => [
    ...[...shadow.children].filter((child): child is HTMLElement => child instanceof HTMLElement),
    ...shadow.querySelectorAll<HTMLElement>(
      '[part~="card"], input:not([type="checkbox"]), select, textarea, button.secondary, .leaflet-bar a, .leaflet-control-attribution, .leaflet-popup-content-wrapper',
    ),
  ]);
  return elements
    .filter((element) => isRendered(element) && !isVisuallyHidden(element))
    .map((element) => ({ element, luminance: relativeLuminance(backgroundBehind(element)) }));
}

/** Surfaces that are not of the scheme: above 0.05 luminance for dark, below 0.6 for light (the map's pale water is 0.8). */
export function surfacesNotIn(root: Element, scheme: 'light' | 'dark'): string[] {
  return surfaces(root)
    .filter(({ luminance }) => (scheme === 'dark' ? luminance > 0.05 : luminance < 0.6))
    .map(({ element, luminance }) => `${describeElement(element)}: luminance ${luminance.toFixed(3)}`);
}

/**
 * Tabs from `start` through every stop inside `within` until focus leaves it,
 * checking each focus indicator; returns how many stops were inside and
 * their problems.
 */
export async function tabThrough(
  start: HTMLElement,
  within: Element,
  limit = 120,
): Promise<{ stops: number; problems: string[] }> {
  start.focus();
  const problems: string[] = [];
  let stops = 0;
  for (let step = 0; step < limit; step++) {
    await sendKeys({ press: 'Tab' });
    const focused = deepActiveElement();
    if (!focused || !containsDeep(within, focused)) {
      if (stops > 0) return { stops, problems };
      continue;
    }
    stops++;
    problems.push(...focusProblems(focused));
  }
  throw new Error(`focus never left ${describeElement(within)}`);
}

/**
 * The map's marks below 3:1 against the basemap's land or water: markers and
 * clusters by their fill, the search area by its stroke, a chosen marker by
 * its ring.
 */
export function weakMapMarks(map: SpineMap): string[] {
  const root = map.shadowRoot!;
  const land = parseColor(getComputedStyle(root.querySelector('path.spine-state')!).fill);
  const water = parseColor(getComputedStyle(root.querySelector('.leaflet-container')!).backgroundColor);
  const marks: [string, Rgba][] = [];
  for (const element of root.querySelectorAll<HTMLElement>('.spine-marker, .spine-cluster')) {
    const style = getComputedStyle(element);
    marks.push([describeElement(element), parseColor(style.backgroundColor)]);
    if (element.classList.contains('selected'))
      marks.push([`${describeElement(element)} ring`, parseColor(style.outlineColor)]);
  }
  const area = root.querySelector<SVGPathElement>('path.spine-search-area');
  if (area) marks.push(['search area', parseColor(getComputedStyle(area).stroke)]);
  return marks.flatMap(([name, colour]) =>
    [
      ['land', land],
      ['water', water],
    ].flatMap(([where, ground]) => {
      const ratio = ratioAgainst(colour, ground as Rgba);
      return ratio >= 3 ? [] : [`${name} on ${where as string}: ${formatRatio(ratio)}`];
    }),
  );
}
