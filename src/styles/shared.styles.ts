import { css } from 'lit';

/**
 * Styles every element shares. Colours and sizes come from `--spine-*`
 * custom properties with fallbacks, so a host themes the finder from outside
 * the shadow roots; the fallbacks meet WCAG 2.2 AA contrast on white.
 * Each element paints its own surface behind its text, so its contrast does
 * not depend on the host page's background (a dark page, say).
 */
export const sharedStyles = css`
  :host {
    --_accent: var(--spine-color-accent, #0b5cad);
    --_accent-text: var(--spine-color-accent-text, #ffffff);
    --_text: var(--spine-color-text, #1b1f24);
    --_muted: var(--spine-color-muted, #4a5563);
    --_surface: var(--spine-color-surface, #ffffff);
    --_surface-alt: var(--spine-color-surface-alt, #f3f5f8);
    --_border: var(--spine-color-border, #6b7685);
    --_danger: var(--spine-color-danger, #b3261e);
    --_success: var(--spine-color-success, #1e6b3a);
    --_focus: var(--spine-color-focus, #0b5cad);
    --_radius: var(--spine-radius, 8px);
    --_space: var(--spine-space, 0.5rem);
    --_font: var(--spine-font-family, inherit);
    /* The palette above is a light one: form controls and scrollbars follow it, not the host page's scheme. */
    --_scheme: var(--spine-color-scheme, light);
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
    min-height: 2.75rem;
    min-width: 2.75rem;
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
