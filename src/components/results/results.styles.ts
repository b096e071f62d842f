import { css } from 'lit';

export const resultsStyles = css`
  :host {
    display: block;
  }

  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_card-gap);
  }
`;
