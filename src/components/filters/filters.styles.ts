import { css } from 'lit';

export const filtersStyles = css`
  :host {
    display: block;
  }

  form {
    background: var(--_surface);
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 3);
  }

  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    min-width: 0;
  }

  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: calc(var(--_space) / 2);
    width: 100%;
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: 1.5rem;
  }

  /* A target of at least 24 by 24 px (WCAG 2.5.8) on its own, without counting on the space around it. */
  .check input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  /* A field may be narrower than its input's intrinsic 20 characters: with large text on a narrow page, say. */
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    min-width: 0;
    max-width: 100%;
  }

  .field label {
    font-weight: 600;
  }

  input[type='text'],
  select {
    font: inherit;
    min-height: var(--_control-height);
    padding: 0 var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    max-width: 100%;
  }
`;
