import { css } from 'lit';

export const searchBoxStyles = css`
  :host {
    display: block;
  }

  form {
    background: var(--_surface);
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
  }

  /* A field may be narrower than its input's intrinsic 20 characters: with large text on a narrow page, say. */
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    min-width: 0;
    max-width: 100%;
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
    min-height: var(--_control-height);
    padding: 0 var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    width: 100%;
  }
`;
