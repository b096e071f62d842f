import { css, unsafeCSS } from 'lit';
import leafletCss from 'leaflet/dist/leaflet.css?inline';

/** Leaflet's own stylesheet, which must live inside the map's shadow root. */
export const leafletStyles = unsafeCSS(leafletCss);

/** The finder's markers and basemap look, on top of Leaflet's. */
export const mapViewStyles = css`
  .leaflet-container {
    background: var(--spine-map-water, #dce9f3);
    font: inherit;
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
    background: var(--spine-marker-color, #0b5cad);
    border: 2px solid var(--spine-marker-border, #ffffff);
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
    color: var(--spine-marker-text, #ffffff);
    border: 2px solid var(--spine-marker-border, #ffffff);
    box-shadow: 0 1px 3px rgb(0 0 0 / 45%);
    cursor: pointer;
  }

  .spine-cluster {
    background: var(--spine-cluster-color, #12395e);
    box-shadow:
      0 0 0 4px rgb(18 57 94 / 30%),
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
    border: 1px solid var(--spine-color-accent, #0b5cad);
    border-radius: 4px;
    background: #ffffff;
    color: var(--spine-color-accent, #0b5cad);
    cursor: pointer;
  }

  .spine-site-member:focus-visible {
    outline: 3px solid #1b1f24;
    outline-offset: 2px;
  }

  .spine-marker.selected {
    background: var(--spine-marker-selected-color, #b3261e);
    transform-origin: center;
    outline: 3px solid var(--spine-marker-selected-ring, #1b1f24);
    outline-offset: 1px;
  }

  /* Focus must show against any basemap: a dark ring around a light one. */
  .spine-marker:focus-visible,
  .spine-cluster:focus-visible {
    outline: 3px solid #1b1f24;
    outline-offset: 2px;
    box-shadow: 0 0 0 7px #ffffff;
  }

  .leaflet-container:focus-visible {
    outline: 3px solid var(--spine-color-focus, #0b5cad);
    outline-offset: -3px;
  }

  .spine-state {
    fill: var(--spine-map-land, #f4f3ee);
    stroke: var(--spine-map-border, #8c98a6);
  }

  /* The searched area's edge at 3:1 or more on land and water (Leaflet's own #3388ff is 2.8:1 on water). */
  .spine-search-area {
    pointer-events: none;
    stroke: var(--spine-color-accent, #0b5cad);
    fill: var(--spine-color-accent, #0b5cad);
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

  /* At least Leaflet's 30 px, and growing with the text. */
  .spine-pan-button {
    min-width: 30px;
    min-height: 30px;
    padding: 0 0.25em;
    line-height: 1.5;
    border: 0;
    background: #ffffff;
    color: #1b1f24;
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }

  .spine-pan-button:hover {
    background: #f4f4f4;
  }

  .spine-pan-button:focus-visible {
    outline: 3px solid #1b1f24;
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
    stroke: var(--spine-map-county-border, #bcc4cd);
  }
`;
