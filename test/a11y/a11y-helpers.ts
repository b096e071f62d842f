/**
 * What the accessibility tests measure, as a person perceives it: colours
 * and their contrast, what has focus through the shadow roots, which
 * controls a person can operate, and where they are on screen.
 */
import { expect } from '@open-wc/testing';
import type { SpineProviderCard } from '../../src/components/provider-card/provider-card.js';

/** An element of a host's shadow root, by its `part`. */
export function shadowPart<T extends HTMLElement = HTMLElement>(host: Element, part: string): T {
  const element = host.shadowRoot!.querySelector<T>(`[part~="${part}"]`);
  if (!element) throw new Error(`<${host.localName}> has no part "${part}"`);
  return element;
}

/** Opens a card's "More details" as a click would, and waits until it shows. */
export async function openDetails(card: SpineProviderCard): Promise<void> {
  shadowPart<HTMLButtonElement>(card, 'details-button').click();
  await card.updateComplete;
  expect(shadowPart(card, 'details').hidden, 'the details are open').to.equal(false);
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The parent of a node, crossing from a shadow root to its host. */
export function composedParent(node: Node): Node | null {
  if (node.parentNode instanceof ShadowRoot) return node.parentNode.host;
  return node.parentNode;
}

/** Whether `inner` is `outer` or inside it, through shadow roots. */
export function containsDeep(outer: Node, inner: Node | null): boolean {
  for (let node = inner; node; node = composedParent(node)) if (node === outer) return true;
  return false;
}

/** Every shadow root under `root`, nested ones included. */
export function shadowRootsUnder(root: Element | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (scope: Element | ShadowRoot | Document) => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) {
        found.push(element.shadowRoot);
        visit(element.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) found.push(root.shadowRoot);
  visit(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return found;
}

const INTERACTIVE = [
  'button',
  'a[href]',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  '[role="button"]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/** The controls a person can operate in `root`'s shadow roots (nested ones included), shown on screen. */
export function interactiveElementsIn(root: Element): HTMLElement[] {
  return shadowRootsUnder(root)
    .flatMap((shadow) => [...shadow.querySelectorAll<HTMLElement>(INTERACTIVE)])
    .filter(isRendered);
}

/** Whether an element takes up room on screen (not display: none, not inside a closed part). */
export function isRendered(element: Element): boolean {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** A short description of an element, for failure messages. */
export function describe(element: Element): string {
  const label =
    element.getAttribute('aria-label') ??
    element.getAttribute('part') ??
    element.getAttribute('id') ??
    element.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40);
  const host = element.getRootNode() instanceof ShadowRoot ? (element.getRootNode() as ShadowRoot).host.localName : '';
  return `${host ? `${host} › ` : ''}<${element.localName}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}> "${label}"`;
}

// Colour

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const context = document.createElement('canvas').getContext('2d')!;

/** A CSS colour as sRGB channels (0–255) and alpha (0–1). */
export function parseColor(css: string): Rgba {
  const direct = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (direct) {
    const alpha =
      direct[4] === undefined ? 1 : direct[4].endsWith('%') ? parseFloat(direct[4]) / 100 : Number(direct[4]);
    return { r: Number(direct[1]), g: Number(direct[2]), b: Number(direct[3]), a: alpha };
  }
  // Anything else (a keyword, a system colour, color(srgb …)): the canvas turns it into #rrggbb or rgba().
  context.fillStyle = '#000';
  context.fillStyle = css;
  const normal = String(context.fillStyle);
  if (normal.startsWith('#')) {
    return {
      r: parseInt(normal.slice(1, 3), 16),
      g: parseInt(normal.slice(3, 5), 16),
      b: parseInt(normal.slice(5, 7), 16),
      a: 1,
    };
  }
  if (normal !== css) return parseColor(normal);
  throw new Error(`cannot read the colour ${css}`);
}

/** `top` painted over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (a: number, b: number) => a * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG relative luminance. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two opaque colours, from 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The opaque colour behind an element: its own background and its
 * ancestors' (through shadow hosts) painted in order, on the page's.
 * Background images are not read: callers use it where there are none.
 */
export function backgroundBehind(element: Element, { includeSelf = true } = {}): Rgba {
  const layers: Rgba[] = [];
  for (let node: Node | null = includeSelf ? element : composedParent(element); node; node = composedParent(node)) {
    if (!(node instanceof Element)) continue;
    const colour = parseColor(getComputedStyle(node).backgroundColor);
    if (colour.a === 0) continue;
    layers.push(colour);
    if (colour.a === 1) break;
  }
  const canvas = parseColor(getComputedStyle(document.documentElement).backgroundColor);
  let result: Rgba = canvas.a === 1 ? canvas : { r: 255, g: 255, b: 255, a: 1 };
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}:1`;
}

/** Elements in the shadow roots under `root` that match `selector`, as shown. */
export function shown(root: Element, selector: string): HTMLElement[] {
  return (
    shadowRootsUnder(root)
      .flatMap((shadow) => [...shadow.querySelectorAll<HTMLElement>(selector)])
      // What a person sees: not what stays out of sight until it has focus ("Skip the map").
      .filter((element) => isRendered(element) && !isVisuallyHidden(element))
  );
}

/** A colour's contrast with the opaque background around it. */
export function ratioAgainst(colour: Rgba, background: Rgba): number {
  return contrastRatio(over(colour, background), background);
}

/** Each edge (border, or a borderless control's own fill) below 3:1 against what is outside it. */
export function weakEdges(elements: HTMLElement[]): string[] {
  return elements.flatMap((element) => {
    const style = getComputedStyle(element);
    const outside = backgroundBehind(element, { includeSelf: false });
    const width = parseFloat(style.borderTopWidth);
    const edge =
      width > 0 && style.borderTopStyle !== 'none'
        ? parseColor(style.borderTopColor)
        : parseColor(style.backgroundColor);
    const ratio = ratioAgainst(edge, outside);
    return ratio >= 3 ? [] : [`${describe(element)}: edge ${formatRatio(ratio)}`];
  });
}

/** The element a person sees at a point of the window, looking into shadow roots. */
export function deepElementFromPoint(x: number, y: number): Element | null {
  let element = document.elementFromPoint(x, y);
  while (element?.shadowRoot) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return element;
}

/** What a focus indicator is drawn with: an outline, or else a box-shadow ring. */
export interface FocusIndicator {
  kind: 'outline' | 'box-shadow' | 'none';
  width: number;
  color: Rgba;
  /** Whether it is drawn inside the element's border (a negative offset, or an inset shadow). */
  inside: boolean;
}

export function focusIndicatorOf(element: Element): FocusIndicator {
  const style = getComputedStyle(element);
  const outlineWidth = parseFloat(style.outlineWidth);
  if (style.outlineStyle !== 'none' && outlineWidth > 0) {
    return {
      kind: 'outline',
      width: outlineWidth,
      color: parseColor(style.outlineColor),
      inside: parseFloat(style.outlineOffset) < -outlineWidth / 2,
    };
  }
  // The widest ring among the shadows: "rgb(…) 0px 0px 0px 3px[, …]".
  let widest: FocusIndicator = { kind: 'none', width: 0, color: { r: 0, g: 0, b: 0, a: 0 }, inside: false };
  for (const shadow of style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\))/)) {
    const color = /rgba?\([^)]*\)/.exec(shadow)?.[0];
    const lengths =
      shadow
        .replace(/rgba?\([^)]*\)/, '')
        .match(/-?[\d.]+px/g)
        ?.map(parseFloat) ?? [];
    const spread = lengths[3] ?? 0;
    if (color && spread > widest.width) {
      widest = { kind: 'box-shadow', width: spread, color: parseColor(color), inside: shadow.includes('inset') };
    }
  }
  return widest;
}

// Layout

/** Off screen on purpose, for screen readers (or until it has focus). */
export function isVisuallyHidden(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width <= 1 || box.height <= 1 || box.bottom + window.scrollY < 0;
}

/** Markers sit where the clinicians are, and may touch at some zoom levels: the map draws them, not the layout. */
export function inMapPane(element: Element): boolean {
  return element.closest('.leaflet-pane') !== null;
}

/** Elements that hold text a person reads as a label, a heading, a value or a button. */
const TEXT =
  'label, legend, button, a[href], p, dt, dd, li, address, [role="heading"], [role="status"], [role="alert"]';

/** Text elements whose content spills out of their box: cut off, or over what follows. */
export function overflowingText(root: Element): string[] {
  return shadowRootsUnder(root)
    .flatMap((shadow) => [...shadow.querySelectorAll<HTMLElement>(TEXT)])
    .filter((element) => isRendered(element) && !isVisuallyHidden(element) && !inMapPane(element))
    .filter((element) => getComputedStyle(element).display !== 'inline')
    .filter(
      (element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
    )
    .map(
      (element) =>
        `${describe(element)}: content ${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`,
    );
}

/** Pairs of controls and labels whose boxes overlap. */
export function overlappingControls(root: Element): string[] {
  const labels = shadowRootsUnder(root).flatMap((shadow) => [...shadow.querySelectorAll<HTMLElement>('label, legend')]);
  const elements = [...interactiveElementsIn(root), ...labels].filter(
    (element) => !isVisuallyHidden(element) && !inMapPane(element) && !element.classList.contains('leaflet-container'),
  );
  const boxes = elements.map((element) => element.getBoundingClientRect());
  const overlaps: string[] = [];
  for (let i = 0; i < elements.length; i++) {
    for (let j = i + 1; j < elements.length; j++) {
      if (elements[i].contains(elements[j]) || elements[j].contains(elements[i])) continue;
      const [a, b] = [boxes[i], boxes[j]];
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (width > 0.5 && height > 0.5) overlaps.push(`${describe(elements[i])} and ${describe(elements[j])}`);
    }
  }
  return overlaps;
}
