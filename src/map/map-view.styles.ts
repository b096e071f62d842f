/*
 * The map view's stylesheets as text, which <spine-map> makes into Lit
 * styles: importing Lit here would make Lit a chunk of its own, shared by
 * this chunk and the drop-in's entry, and a separate chunk weighs more than
 * the same code inside the entry (issue 8).
 */

/** Leaflet's own stylesheet, which must live inside the map's shadow root. */
export { default as leafletCss } from 'leaflet/dist/leaflet.css?inline';

/** Tagged `css` like Lit's, so the drop-in's build minifies it the same way; it has no `${}`. */
const css = String.raw;

/** The finder's markers and basemap look, on top of Leaflet's. */
export const mapViewCss = css`
  .leaflet-container {
    background: var(--_map-water);
    font: inherit;
  }

  /* Leaflet's controls, credits and lists are white with grey text: in the theme's colours instead, dark ones included. */
  .leaflet-bar a,
  .leaflet-container .leaflet-control-attribution,
  .leaflet-popup-content-wrapper,
  .leaflet-popup-tip {
    background: var(--_surface);
    color: var(--_text);
  }

  .leaflet-bar a:hover,
  .leaflet-bar a:focus,
  .leaflet-bar a.leaflet-disabled {
    background: var(--_surface-alt);
  }

  .leaflet-bar a.leaflet-disabled {
    color: var(--_muted);
  }

  /* Leaflet's edge is black at 20%: lost on a dark basemap. */
  .leaflet-touch .leaflet-bar {
    border-color: var(--_border);
  }

  .leaflet-container a {
    color: var(--_accent);
  }

  .leaflet-container a.leaflet-popup-close-button {
    color: var(--_muted);
  }

  .leaflet-container a.leaflet-popup-close-button:hover,
  .leaflet-container a.leaflet-popup-close-button:focus {
    color: var(--_text);
  }

  /* Leaflet fixes its zoom buttons to one 30 px line: let them grow when a person widens line height (1.4.12). */
  .leaflet-touch .leaflet-bar a {
    height: auto;
    min-height: 30px;
  }

  /* Leaflet marks the credit's links by colour alone (2.5:1 against its text): underline them. */
  .leaflet-control-attribution a {
    text-decoration: underline;
  }

  .spine-marker {
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--_marker);
    border: 2px solid var(--_marker-border);
    box-shadow: 0 1px 3px rgb(0 0 0 / 45%);
    cursor: pointer;
  }

  .spine-site,
  .spine-cluster {
    display: grid;
    place-items: center;
    border-radius: 50%;
    font-weight: 700;
    font-size: 0.8125rem;
    line-height: 1;
    color: var(--_marker-text);
    border: 2px solid var(--_marker-border);
    box-shadow: 0 1px 3px rgb(0 0 0 / 45%);
    cursor: pointer;
  }

  .spine-cluster {
    background: var(--_cluster);
    color: var(--_cluster-text);
    box-shadow:
      0 0 0 4px color-mix(in srgb, var(--_cluster) 30%, transparent),
      0 1px 3px rgb(0 0 0 / 45%);
  }

  /* A list that fades in is briefly too faint to read: show it at once. */
  .leaflet-fade-anim .leaflet-popup {
    transition: none;
  }

  .spine-site-popup .spine-site-heading {
    margin: 0 0 0.5rem;
    font-weight: 700;
  }

  .spine-site-popup ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }

  .spine-site-member {
    font: inherit;
    min-height: 1.75rem;
    width: 100%;
    text-align: start;
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--_accent);
    border-radius: 4px;
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }

  .spine-site-member:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
  }

  .spine-marker.selected {
    background: var(--_marker-selected);
    transform-origin: center;
    outline: 3px solid var(--_marker-selected-ring);
    outline-offset: 1px;
  }

  /* Focus must show against any basemap: a ring in the text colour around one in the surface's (dark around light, or light around dark). */
  .spine-marker:focus-visible,
  .spine-cluster:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
    box-shadow: 0 0 0 7px var(--_surface);
  }

  .leaflet-container:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }

  .spine-state {
    fill: var(--_map-land);
    stroke: var(--_map-border);
  }

  /* The searched area's edge at 3:1 or more on land and water (Leaflet's own #3388ff is 2.8:1 on water). */
  .spine-search-area {
    pointer-events: none;
    stroke: var(--_accent);
    fill: var(--_accent);
  }

  @media (forced-colors: active) {
    .spine-cluster {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
    .spine-marker {
      forced-color-adjust: none;
      background: ButtonText;
      border-color: ButtonFace;
    }
    .spine-marker.selected {
      background: Highlight;
    }
    /* Leaflet's zoom buttons and the list's close button are bare glyphs once backgrounds go: give them an edge. */
    .leaflet-bar a,
    .leaflet-container a.leaflet-popup-close-button {
      border: 1px solid ButtonText;
    }
  }

  /* The pan buttons, a 2×2 pad under the zoom buttons, as big as they are. */
  .spine-pan {
    display: grid;
    grid-template-columns: repeat(2, minmax(30px, auto));
  }

  /* At least Leaflet's 30 px, and growing with the text; an edge at 3:1 against the basemap (1.4.11). */
  .spine-pan-button {
    min-width: 30px;
    min-height: 30px;
    padding: 0 0.25em;
    line-height: 1.5;
    border: 1px solid var(--_border);
    border-radius: 0;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }

  .spine-pan-button:hover {
    background: var(--_surface-alt);
  }

  .spine-pan-button:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: -3px;
  }

  @media (forced-colors: active) {
    .spine-pan-button {
      border: 1px solid ButtonText;
    }
  }

  /* County borders of the offline basemap, drawn when zoomed in: quieter than state borders. */
  .spine-county {
    fill: none;
    stroke: var(--_map-county-border);
  }
`;
