import { unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';

/**
 * The theme's public surface: every `--spine-*` custom property a host may
 * set, with its defaults. The one list: the styles below are generated from
 * it, docs/theming.md documents it, and test/theming checks both against it.
 */
export interface ThemeToken {
  /** The name a host sets, on `<spine-finder>`, any ancestor or a `::part()`. */
  name: `--spine-${string}`;
  /** The private name the elements' styles read, once resolved. */
  use: `--_${string}`;
  /** The default, or the light scheme's. May name another private token (`var(--_accent)`). */
  light: string;
  /** The dark scheme's default, where it differs from the light one. */
  dark?: string;
  /** What it styles, in a few words, for docs/theming.md. */
  styles: string;
}

export type ColorScheme = 'light' | 'dark';

/*
 * Light defaults meet WCAG 2.2 AA on the light surfaces, dark ones on the
 * dark surfaces: text and muted text 4.5:1 on surface, surface-alt and the
 * chosen card; borders, markers, clusters and the search area 3:1 against
 * what is next to them (test/a11y/contrast.test.ts, test/theming/dark-mode.test.ts).
 */
export const THEME_TOKENS: readonly ThemeToken[] = [
  {
    name: '--spine-color-scheme',
    use: '--_scheme',
    light: 'light',
    dark: 'dark',
    styles: 'The browser’s own parts: form controls, scrollbars, the datalist popup',
  },
  {
    name: '--spine-color-accent',
    use: '--_accent',
    light: '#0b5cad',
    dark: '#78b4f0',
    styles: 'Buttons (fill and edge), links, ticked checkboxes, the search area on the map',
  },
  {
    name: '--spine-color-accent-text',
    use: '--_accent-text',
    light: '#ffffff',
    dark: '#0b1a2b',
    styles: 'Text on the accent: primary buttons, the pressed List/Map button',
  },
  { name: '--spine-color-text', use: '--_text', light: '#1b1f24', dark: '#e7ebf0', styles: 'Body text' },
  {
    name: '--spine-color-muted',
    use: '--_muted',
    light: '#4a5563',
    dark: '#a9b4c1',
    styles: 'Secondary text: discipline and practice, distance, hints, notes',
  },
  {
    name: '--spine-color-surface',
    use: '--_surface',
    light: '#ffffff',
    dark: '#15191e',
    styles: 'Background of the finder, cards, fields and secondary buttons',
  },
  {
    name: '--spine-color-surface-alt',
    use: '--_surface-alt',
    light: '#f3f5f8',
    dark: '#20262d',
    styles: 'Background of the referral bar, the outcome explanation, earlier results',
  },
  {
    name: '--spine-color-border',
    use: '--_border',
    light: '#6b7685',
    dark: '#8593a3',
    styles: 'Edges of fields, selects, cards, the map and its buttons (keep 3:1 on the surface)',
  },
  {
    name: '--spine-color-danger',
    use: '--_danger',
    light: '#b3261e',
    dark: '#ff9a8f',
    styles: 'Edge of the alert that says a search failed',
  },
  {
    name: '--spine-color-success',
    use: '--_success',
    light: '#1e6b3a',
    dark: '#74d39a',
    styles: 'Default of the positive badges',
  },
  {
    name: '--spine-color-focus',
    use: '--_focus',
    light: 'var(--_accent)',
    styles: 'The focus ring of every control (keep 3:1 on the surface)',
  },
  {
    name: '--spine-color-selected',
    use: '--_selected',
    light: '#eef5fc',
    dark: '#1a2d42',
    styles: 'Background of the chosen card',
  },
  {
    name: '--spine-color-selected-border',
    use: '--_selected-border',
    light: 'var(--_accent)',
    styles: 'Edge of the chosen card',
  },
  {
    name: '--spine-color-badge-positive',
    use: '--_badge-positive',
    light: 'var(--_success)',
    styles: 'Text and edge of “Accepting new patients” and “Offers telehealth”',
  },
  {
    name: '--spine-color-badge-negative',
    use: '--_badge-negative',
    light: 'var(--_muted)',
    styles: 'Text and edge of “Not accepting new patients”',
  },
  {
    name: '--spine-color-badge-registry',
    use: '--_badge-registry',
    light: 'var(--_accent)',
    styles: 'Text and edge of “Spine IQ registry participant”',
  },
  {
    name: '--spine-color-badge-background',
    use: '--_badge-background',
    light: 'transparent',
    styles: 'Fill of every badge',
  },
  {
    name: '--spine-map-land',
    use: '--_map-land',
    light: '#f4f3ee',
    dark: '#2a3038',
    styles: 'Land of the offline basemap',
  },
  {
    name: '--spine-map-water',
    use: '--_map-water',
    light: '#dce9f3',
    dark: '#11161c',
    styles: 'Water and everything outside the US on the offline basemap',
  },
  {
    name: '--spine-map-border',
    use: '--_map-border',
    light: '#8c98a6',
    dark: '#6b7888',
    styles: 'State borders of the offline basemap',
  },
  {
    name: '--spine-map-county-border',
    use: '--_map-county-border',
    light: '#bcc4cd',
    dark: '#3f4955',
    styles: 'County borders of the offline basemap (zoomed in)',
  },
  {
    name: '--spine-marker-color',
    use: '--_marker',
    light: 'var(--_accent)',
    styles: 'Fill of a clinician’s marker (keep 3:1 on land and water)',
  },
  {
    name: '--spine-marker-border',
    use: '--_marker-border',
    light: 'var(--_surface)',
    styles: 'Edge of markers and clusters',
  },
  {
    name: '--spine-marker-text',
    use: '--_marker-text',
    light: 'var(--_accent-text)',
    styles: 'The count on a group practice’s marker',
  },
  {
    name: '--spine-marker-selected-color',
    use: '--_marker-selected',
    light: '#b3261e',
    dark: '#ff9a8f',
    styles: 'Fill of the chosen clinician’s marker',
  },
  {
    name: '--spine-marker-selected-ring',
    use: '--_marker-selected-ring',
    light: 'var(--_text)',
    styles: 'Ring around the chosen marker (keep 3:1 on land and water)',
  },
  {
    name: '--spine-cluster-color',
    use: '--_cluster',
    light: '#12395e',
    dark: '#cfe3f7',
    styles: 'Fill of a cluster of clinicians',
  },
  {
    name: '--spine-cluster-text',
    use: '--_cluster-text',
    light: 'var(--_marker-text)',
    styles: 'The count on a cluster',
  },
  {
    name: '--spine-font-family',
    use: '--_font',
    light: 'inherit',
    styles: 'Every text of the finder (by default the page’s own font)',
  },
  {
    name: '--spine-font-family-heading',
    use: '--_font-heading',
    light: 'var(--_font)',
    styles: 'Each clinician’s name on the cards',
  },
  {
    name: '--spine-font-size',
    use: '--_font-size',
    light: '1rem',
    styles: 'Base text size; everything else is in em and rem, so it follows a person’s text size',
  },
  {
    name: '--spine-line-height',
    use: '--_line-height',
    light: '1.5',
    styles: 'Line height of the text (not less than 1.5 for long text)',
  },
  {
    name: '--spine-radius',
    use: '--_radius',
    light: '8px',
    styles: 'Corners of buttons, fields, cards, the map and the referral bar (0 for square)',
  },
  { name: '--spine-space', use: '--_space', light: '0.5rem', styles: 'The unit of every gap and padding' },
  {
    name: '--spine-control-height',
    use: '--_control-height',
    light: '2.75rem',
    styles: 'Least height and width of buttons, fields and selects (at least 24px, WCAG 2.5.8)',
  },
  {
    name: '--spine-finder-padding',
    use: '--_finder-padding',
    light: '0',
    styles: 'Padding inside the finder’s own background',
  },
  {
    name: '--spine-list-width',
    use: '--_list-width',
    light: '2fr',
    styles: 'Width of the list of cards beside the map (a grid track: 2fr against the map’s 3fr, 24rem…)',
  },
  {
    name: '--spine-card-gap',
    use: '--_card-gap',
    light: 'var(--_space)',
    styles: 'Space between cards',
  },
  {
    name: '--spine-card-padding',
    use: '--_card-padding',
    light: 'calc(var(--_space) * 2)',
    styles: 'Padding inside a card',
  },
  { name: '--spine-card-shadow', use: '--_card-shadow', light: 'none', styles: 'Shadow under each card' },
  {
    name: '--spine-map-height',
    use: '--_map-height',
    light: '480px',
    styles: 'Height of the map, and of the scrolling list beside it',
  },
  {
    name: '--spine-map-height-narrow',
    use: '--_map-height-narrow',
    light: '70vh',
    styles: 'Height of the map on a narrow screen, where list and map take turns',
  },
];

/** The private name that holds a scheme's default, set by `<spine-finder theme>` for the elements inside it. */
function defaultName(token: ThemeToken): string {
  return `--_default-${token.use.slice('--_'.length)}`;
}

/**
 * How each element resolves a token: the host's value, else the default of
 * an enclosing finder's `theme` attribute (for tokens that differ by
 * scheme), else the default of the person's scheme.
 */
function resolve(token: ThemeToken, scheme: ColorScheme): string {
  const fallback = scheme === 'dark' && token.dark ? token.dark : token.light;
  const value = token.dark ? `var(${defaultName(token)}, ${fallback})` : fallback;
  return `${token.use}: var(${token.name}, ${value});`;
}

const lightDeclarations = THEME_TOKENS.map((token) => resolve(token, 'light')).join('\n');
const darkDeclarations = THEME_TOKENS.filter((token) => token.dark)
  .map((token) => resolve(token, 'dark'))
  .join('\n');

/**
 * The tokens, resolved on each element's outermost shadow elements
 * (`:host > *`), from where everything inside inherits them. Not on
 * `:host`: house style keeps `:host` to `display`, and the same rule resets
 * the inherited properties a host page may have set (shared.styles.ts).
 */
export const tokenStyles: CSSResult = unsafeCSS(`
  :host > * {
    ${lightDeclarations}
  }

  @media (prefers-color-scheme: dark) {
    :host > * {
      ${darkDeclarations}
    }
  }
`);

/**
 * The defaults of one scheme, for `<spine-finder theme="light|dark">` to set
 * on its outermost element: it and every element inside follow it whatever
 * the person's system prefers, and a host's own `--spine-*` still win.
 */
export function schemeDefaults(scheme: ColorScheme): CSSResult {
  return unsafeCSS(
    THEME_TOKENS.filter((token) => token.dark)
      .map((token) => `${defaultName(token)}: ${scheme === 'dark' ? token.dark : token.light};`)
      .join('\n'),
  );
}
