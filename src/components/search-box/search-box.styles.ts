import { css } from 'lit';

export const searchBoxStyles = css`
  :host {
    display: block;
  }

  form {
    color-scheme: var(--_scheme);
    background: var(--_surface);
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
    font-family: var(--_font);
    color: var(--_text);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }

  .location {
    flex: 1 1 14rem;
  }

  label {
    font-weight: 600;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }

  input,
  select {
    font: inherit;
    min-height: 2.75rem;
    padding: 0 var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    width: 100%;
  }
`;
