import { css } from 'lit';

export const providerCardStyles = css`
  :host {
    display: block;
  }

  article {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_card-shadow);
    padding: var(--_card-padding);
    display: grid;
    gap: var(--_space);
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  :host([selected]) article {
    border-color: var(--_selected-border);
    /* In place of the card's own shadow: a host's --spine-card-shadow may be none, which cannot join a list. */
    box-shadow: inset 0 0 0 2px var(--_selected-border);
    background: var(--_selected);
  }

  .title {
    margin: 0;
    font-family: var(--_font-heading);
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
    background: var(--_badge-background);
  }

  .badge.registry,
  .badge.registry a {
    color: var(--_badge-registry);
  }

  /* A badge that links (to the registry profile) is a target of at least 24 by 24 px. */
  .badge a {
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
    min-width: 1.5rem;
  }

  .badge.positive {
    color: var(--_badge-positive);
  }

  .badge.negative {
    color: var(--_badge-negative);
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

  /* Every link is a target of at least 24 by 24 px (WCAG 2.5.8), phone numbers included. */
  .actions a,
  dd a {
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
  }

  [hidden] {
    display: none !important;
  }

  .label,
  .practice {
    font-weight: 600;
  }

  .quality {
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
  }

  .quality dl {
    grid-template-columns: 1fr;
    gap: 0;
  }

  .quality dd + dt {
    margin-top: calc(var(--_space) / 2);
  }

  /* Looks like a link, works like a button: it opens text in place. */
  .text-button {
    min-height: 1.5rem;
    min-width: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }

  .explanation {
    display: grid;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-left: 3px solid var(--_border);
    background: var(--_surface-alt);
  }

  .details-button {
    justify-self: start;
  }

  .details {
    display: grid;
    gap: var(--_space);
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
  }

  .locations,
  .plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .locations {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  .location {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .directions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
  }

  @media (forced-colors: active) {
    /* The tint and the inner ring are gone: the chosen card keeps a thicker edge in the highlight colour. */
    :host([selected]) article {
      border: 3px solid Highlight;
    }
    /* A button that reads like a link still shows it is a button. */
    .text-button {
      border: 1px solid ButtonText;
      padding: 0 0.25em;
    }
  }
`;
