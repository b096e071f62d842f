import { unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';

/**
 * The theme's public surface: every `--spine-*` custom property a host may
 * set, with its defaults. The one list: the styles below are generated from
 * it, docs/theming.md documents it, and test/theming checks both against it.
 * What each one styles is in token-descriptions.ts, which only the docs'
 * test reads, so that the drop-in does not carry the prose.
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
}

export type ColorScheme = 'light' | 'dark';

/*
 * Light defaults meet WCAG 2.2 AA on the light surfaces, dark ones on the
 * dark surfaces: text and muted text 4.5:1 on surface, surface-alt and the
 * chosen card; borders, markers, clusters and the search area 3:1 against
 * what is next to them (test/a11y/contrast.test.ts, test/theming/dark-mode.test.ts).
 */
export const THEME_TOKENS: readonly ThemeToken[] = [
  { name: '--spine-color-scheme', use: '--_scheme', light: 'light', dark: 'dark' },
  { name: '--spine-color-accent', use: '--_accent', light: '#0b5cad', dark: '#78b4f0' },
  { name: '--spine-color-accent-text', use: '--_accent-text', light: '#ffffff', dark: '#0b1a2b' },
  { name: '--spine-color-text', use: '--_text', light: '#1b1f24', dark: '#e7ebf0' },
  { name: '--spine-color-muted', use: '--_muted', light: '#4a5563', dark: '#a9b4c1' },
  { name: '--spine-color-surface', use: '--_surface', light: '#ffffff', dark: '#15191e' },
  { name: '--spine-color-surface-alt', use: '--_surface-alt', light: '#f3f5f8', dark: '#20262d' },
  { name: '--spine-color-border', use: '--_border', light: '#6b7685', dark: '#8593a3' },
  { name: '--spine-color-danger', use: '--_danger', light: '#b3261e', dark: '#ff9a8f' },
  { name: '--spine-color-success', use: '--_success', light: '#1e6b3a', dark: '#74d39a' },
  { name: '--spine-color-focus', use: '--_focus', light: 'var(--_accent)' },
  { name: '--spine-color-selected', use: '--_selected', light: '#eef5fc', dark: '#1a2d42' },
  { name: '--spine-color-selected-border', use: '--_selected-border', light: 'var(--_accent)' },
  { name: '--spine-color-badge-positive', use: '--_badge-positive', light: 'var(--_success)' },
  { name: '--spine-color-badge-negative', use: '--_badge-negative', light: 'var(--_muted)' },
  { name: '--spine-color-badge-registry', use: '--_badge-registry', light: 'var(--_accent)' },
  { name: '--spine-color-badge-background', use: '--_badge-background', light: 'transparent' },
  { name: '--spine-map-land', use: '--_map-land', light: '#f4f3ee', dark: '#2a3038' },
  { name: '--spine-map-water', use: '--_map-water', light: '#dce9f3', dark: '#11161c' },
  { name: '--spine-map-border', use: '--_map-border', light: '#8c98a6', dark: '#6b7888' },
  { name: '--spine-map-county-border', use: '--_map-county-border', light: '#bcc4cd', dark: '#3f4955' },
  { name: '--spine-marker-color', use: '--_marker', light: 'var(--_accent)' },
  { name: '--spine-marker-border', use: '--_marker-border', light: 'var(--_surface)' },
  { name: '--spine-marker-text', use: '--_marker-text', light: 'var(--_accent-text)' },
  { name: '--spine-marker-selected-color', use: '--_marker-selected', light: '#b3261e', dark: '#ff9a8f' },
  { name: '--spine-marker-selected-ring', use: '--_marker-selected-ring', light: 'var(--_text)' },
  { name: '--spine-cluster-color', use: '--_cluster', light: '#12395e', dark: '#cfe3f7' },
  { name: '--spine-cluster-text', use: '--_cluster-text', light: 'var(--_marker-text)' },
  { name: '--spine-font-family', use: '--_font', light: 'inherit' },
  { name: '--spine-font-family-heading', use: '--_font-heading', light: 'var(--_font)' },
  { name: '--spine-font-size', use: '--_font-size', light: '1rem' },
  { name: '--spine-line-height', use: '--_line-height', light: '1.5' },
  { name: '--spine-radius', use: '--_radius', light: '8px' },
  { name: '--spine-space', use: '--_space', light: '0.5rem' },
  { name: '--spine-control-height', use: '--_control-height', light: '2.75rem' },
  { name: '--spine-finder-padding', use: '--_finder-padding', light: '0' },
  { name: '--spine-list-width', use: '--_list-width', light: '2fr' },
  { name: '--spine-card-gap', use: '--_card-gap', light: 'var(--_space)' },
  { name: '--spine-card-padding', use: '--_card-padding', light: 'calc(var(--_space) * 2)' },
  { name: '--spine-card-shadow', use: '--_card-shadow', light: 'none' },
  { name: '--spine-map-height', use: '--_map-height', light: '480px' },
  { name: '--spine-map-height-narrow', use: '--_map-height-narrow', light: '70vh' },
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
