import { css } from 'lit';

export const referralTrayStyles = css`
  :host {
    display: block;
  }

  .bar {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .count {
    margin: 0;
    font-weight: 600;
    flex: 1 1 14rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .status {
    margin: 0;
    flex-basis: 100%;
  }

  /* Still in the accessibility tree while empty, so the first message is announced. */
  .status:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }

  .copy-field {
    display: grid;
    gap: calc(var(--_space) / 2);
    flex-basis: 100%;
  }

  label {
    font-weight: 600;
  }

  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    width: 100%;
    resize: vertical;
  }
`;
