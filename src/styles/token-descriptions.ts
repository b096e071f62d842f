import type { ThemeToken } from './tokens.styles.js';

/**
 * What each token of THEME_TOKENS styles, in a few words, for the table of
 * docs/theming.md (test/node/theming.test.ts holds the table to it, and it
 * to THEME_TOKENS: one description per token, no other). Apart from the
 * tokens because nothing at runtime reads it: the drop-in does not carry it.
 */
export const TOKEN_DESCRIPTIONS: Readonly<Record<ThemeToken['name'], string>> = {
  '--spine-color-scheme': 'The browser’s own parts: form controls, scrollbars, the datalist popup',
  '--spine-color-accent': 'Buttons (fill and edge), links, ticked checkboxes, the search area on the map',
  '--spine-color-accent-text': 'Text on the accent: primary buttons, the pressed List/Map button',
  '--spine-color-text': 'Body text',
  '--spine-color-muted': 'Secondary text: discipline and practice, distance, hints, notes',
  '--spine-color-surface': 'Background of the finder, cards, fields and secondary buttons',
  '--spine-color-surface-alt': 'Background of the referral bar, the outcome explanation, earlier results',
  '--spine-color-border': 'Edges of fields, selects, cards, the map and its buttons (keep 3:1 on the surface)',
  '--spine-color-danger': 'Edge of the alert that says a search failed',
  '--spine-color-success': 'Default of the positive badges',
  '--spine-color-focus': 'The focus ring of every control (keep 3:1 on the surface)',
  '--spine-color-selected': 'Background of the chosen card',
  '--spine-color-selected-border': 'Edge of the chosen card',
  '--spine-color-badge-positive': 'Text and edge of “Accepting new patients” and “Offers telehealth”',
  '--spine-color-badge-negative': 'Text and edge of “Not accepting new patients”',
  '--spine-color-badge-registry': 'Text and edge of “Spine IQ registry participant”',
  '--spine-color-badge-background': 'Fill of every badge',
  '--spine-map-land': 'Land of the offline basemap',
  '--spine-map-water': 'Water and everything outside the US on the offline basemap',
  '--spine-map-border': 'State borders of the offline basemap',
  '--spine-map-county-border': 'County borders of the offline basemap (zoomed in)',
  '--spine-marker-color': 'Fill of a clinician’s marker (keep 3:1 on land and water)',
  '--spine-marker-border': 'Edge of markers and clusters',
  '--spine-marker-text': 'The count on a group practice’s marker',
  '--spine-marker-selected-color': 'Fill of the chosen clinician’s marker',
  '--spine-marker-selected-ring': 'Ring around the chosen marker (keep 3:1 on land and water)',
  '--spine-cluster-color': 'Fill of a cluster of clinicians',
  '--spine-cluster-text': 'The count on a cluster',
  '--spine-font-family': 'Every text of the finder (by default the page’s own font)',
  '--spine-font-family-heading': 'Each clinician’s name on the cards',
  '--spine-font-size': 'Base text size; everything else is in em and rem, so it follows a person’s text size',
  '--spine-line-height': 'Line height of the text (not less than 1.5 for long text)',
  '--spine-radius': 'Corners of buttons, fields, cards, the map and the referral bar (0 for square)',
  '--spine-space': 'The unit of every gap and padding',
  '--spine-control-height': 'Least height and width of buttons, fields and selects (at least 24px, WCAG 2.5.8)',
  '--spine-finder-padding': 'Padding inside the finder’s own background',
  '--spine-list-width': 'Width of the list of cards beside the map (a grid track: 2fr against the map’s 3fr, 24rem…)',
  '--spine-card-gap': 'Space between cards',
  '--spine-card-padding': 'Padding inside a card',
  '--spine-card-shadow': 'Shadow under each card',
  '--spine-map-height': 'Height of the map, and of the scrolling list beside it',
  '--spine-map-height-narrow': 'Height of the map on a narrow screen, where list and map take turns',
};
