import { css } from 'lit';

export const resultsStyles = css`
  :host {
    display: block;
  }

  /* Its own surface between the cards, so a list used alone is dark between dark cards on a light page. */
  ol {
    background: var(--_surface);
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_card-gap);
  }
`;
