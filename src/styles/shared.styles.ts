import { css } from 'lit';
import { tokenStyles } from './tokens.styles.js';

/**
 * Styles every element shares. Colours and sizes come from the `--spine-*`
 * tokens (tokens.styles.ts), so a host themes the finder from outside the
 * shadow roots. Each element paints its own surface behind its text, so its
 * contrast does not depend on the host page's background (a dark page, say).
 */
export const sharedStyles = css`
  ${tokenStyles}

  /*
   * A host page's global CSS stops at the shadow root, but inherited
   * properties come through: a body with line-height 3, letter-spacing,
   * uppercase, centred, nowrap text would reach every word of the finder.
   * Each element's outermost shadow elements set them back. Not on :host:
   * house style keeps :host to display, and a rule there would lose to the
   * page's own rules for the element anyway. In a layer of its own so that
   * any rule of an element's styles (an article's overflow-wrap, say) wins
   * over it whatever its specificity. Direction and visibility are left to
   * the page: a right-to-left page, or a hidden section, are meant to reach us.
   */
  @layer spine-reset {
    :host > * {
      color-scheme: var(--_scheme);
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--_font-size);
      font-style: normal;
      font-variant: normal;
      font-weight: 400;
      font-stretch: normal;
      font-size-adjust: none;
      font-kerning: auto;
      font-feature-settings: normal;
      font-variation-settings: normal;
      line-height: var(--_line-height);
      letter-spacing: normal;
      word-spacing: normal;
      text-transform: none;
      text-align: start;
      text-align-last: auto;
      text-indent: 0;
      text-shadow: none;
      text-underline-offset: auto;
      text-decoration-thickness: auto;
      -webkit-text-fill-color: currentcolor;
      -webkit-text-stroke-width: 0;
      white-space: normal;
      word-break: normal;
      overflow-wrap: normal;
      hyphens: manual;
      tab-size: 8;
      writing-mode: horizontal-tb;
      font-synthesis: weight style;
      cursor: auto;
      caret-color: auto;
      accent-color: auto;
      list-style: disc outside none;
      quotes: auto;
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    min-height: var(--_control-height);
    min-width: var(--_control-height);
    padding: 0 calc(var(--_space) * 2);
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
  }

  button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }

  a {
    color: var(--_accent);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
