import { css } from 'lit';
import { schemeDefaults } from '../../styles/tokens.styles.js';

export const finderStyles = css`
  :host {
    display: block;
  }

  .finder {
    container-type: inline-size;
    background: var(--_surface);
    display: grid;
    /* One column as wide as the finder, never as wide as a field's intrinsic width (large text, a narrow page). */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
    padding: var(--_finder-padding);
  }

  /* theme="light" or "dark": this scheme's defaults, whatever the system prefers, for the finder and all inside it. */
  :host([theme='light']) > .finder {
    ${schemeDefaults('light')}
  }

  :host([theme='dark']) > .finder {
    ${schemeDefaults('dark')}
  }

  .messages {
    display: grid;
    gap: var(--_space);
  }

  .status {
    margin: 0;
    font-weight: 600;
  }

  .status:empty,
  .alert:empty {
    display: none;
  }

  .note {
    margin: 0;
    color: var(--_muted);
  }

  .alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 2);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
    background: var(--_surface);
  }

  .alert p {
    margin: 0;
    color: var(--_text);
  }

  .body {
    display: grid;
    grid-template-columns: minmax(0, var(--_list-width)) minmax(0, 3fr);
    gap: calc(var(--_space) * 2);
    align-items: start;
  }

  .body.list-only {
    grid-template-columns: minmax(0, 1fr);
  }

  .view-switch {
    display: none;
    gap: var(--_space);
  }

  .view-switch [aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }

  .list {
    max-height: var(--_map-height);
    overflow-y: auto;
    padding: 4px;
  }

  .choices,
  .suggestions ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .suggestions p {
    margin: 0 0 var(--_space);
  }

  .suggestions ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .see-all {
    display: inline-flex;
    align-items: center;
    min-height: var(--_control-height);
    margin-top: var(--_space);
    font-weight: 600;
  }

  .map-area {
    position: relative;
    min-width: 0;
  }

  /*
   * Out of sight until it has focus, then over the top of the map. Shrunk and
   * clipped to nothing where it is, rather than moved away: moved by a fixed
   * distance, it showed up elsewhere on a long page with a second finder.
   */
  .skip-link {
    position: absolute;
    top: var(--_space);
    left: var(--_space);
    z-index: 1100;
  }

  .skip-link:not(:focus) {
    width: 1px;
    height: 1px;
    min-width: 0;
    min-height: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    white-space: nowrap;
    clip-path: inset(50%);
  }

  /* Where "Skip the map" lands: unseen until it has focus, then shown with its focus ring. */
  .after-map {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    margin: 0;
  }

  .after-map:focus {
    position: static;
    width: auto;
    height: auto;
    overflow: visible;
    clip: auto;
    margin-top: var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
  }

  .more {
    margin-top: var(--_space);
    width: 100%;
  }

  /*
   * Results of an earlier search, under an alert that says so. Not faded:
   * faded text falls below 4.5:1 and the cards still work. A tinted backdrop
   * and a rule beside them set them apart instead.
   */
  .list.stale {
    background: var(--_surface-alt);
    box-shadow: inset 4px 0 0 var(--_border);
    border-radius: var(--_radius);
  }

  .list-only .list {
    max-height: none;
    overflow: visible;
  }

  /* Too narrow for both: one at a time, chosen with the List/Map switch. */
  @container (max-width: 44rem) {
    .view-switch {
      display: flex;
    }
    .body {
      grid-template-columns: minmax(0, 1fr);
    }
    .list {
      max-height: none;
      overflow: visible;
    }
    .body[data-view='map'] .list,
    .body[data-view='list'] .map-area {
      display: none;
    }
    .body.list-only .list {
      display: block;
    }
    spine-map {
      --spine-map-height: var(--_map-height-narrow);
    }
  }

  /* Pressed is shown by a fill that forced colours take away: use the system's highlight. */
  @media (forced-colors: active) {
    .view-switch [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
  }
`;
