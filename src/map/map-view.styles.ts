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

  .spine-marker {
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--spine-marker-color, #0b5cad);
    border: 2px solid var(--spine-marker-border, #ffffff);
    box-shadow: 0 1px 3px rgb(0 0 0 / 45%);
    cursor: pointer;
  }

  .spine-marker.selected {
    background: var(--spine-marker-selected-color, #b3261e);
    transform-origin: center;
    outline: 3px solid var(--spine-marker-selected-ring, #1b1f24);
    outline-offset: 1px;
  }

  /* Focus must show against any basemap: a dark ring around a light one. */
  .spine-marker:focus-visible {
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

  .spine-search-area {
    pointer-events: none;
  }

  @media (forced-colors: active) {
    .spine-marker {
      forced-color-adjust: none;
      background: ButtonText;
      border-color: ButtonFace;
    }
    .spine-marker.selected {
      background: Highlight;
    }
  }
`;
