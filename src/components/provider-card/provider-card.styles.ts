import { css } from 'lit';

export const providerCardStyles = css`
  :host {
    display: block;
  }

  article {
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    display: grid;
    gap: var(--_space);
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  :host([selected]) article {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 2px var(--_accent);
    background: var(--spine-color-selected, #eef5fc);
  }

  .title {
    margin: 0;
    font-weight: 700;
    font-size: 1.125em;
    line-height: 1.3;
  }

  p {
    margin: 0;
  }

  .meta,
  .distance {
    color: var(--_muted);
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .badge {
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.125em 0.625em;
    font-size: 0.875em;
  }

  .badge.positive {
    color: var(--_success);
  }

  .badge.negative {
    color: var(--_muted);
  }

  address {
    font-style: normal;
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
  }

  dt {
    font-weight: 600;
  }

  dd {
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
  }

  .actions a {
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
  }
`;
