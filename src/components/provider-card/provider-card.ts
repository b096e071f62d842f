import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Provider } from '../../directory/schema.js';
import { telHref } from '../../directory/links.js';
import { displayName } from '../../directory/provider-text.js';
import { SpineSelectEvent } from '../../events.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { formatDistance, LocaleController } from '../../i18n/locale.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { providerCardStyles } from './provider-card.styles.js';

/**
 * @summary One clinician: who they are, where, how far, and how to reach them.
 *
 * @fires spine-select - The person chose this clinician (the "Show on map"
 *   button, or a click on the card).
 *
 * @csspart card - The card's article.
 * @csspart title - The clinician's name and credentials.
 * @csspart badge - Each status badge (accepting new patients, telehealth).
 * @csspart address - The practice address.
 * @csspart select-button - The "Show on map" button.
 */
export class SpineProviderCard extends LitElement {
  static override styles = [sharedStyles, providerCardStyles];

  /** The clinician to show. */
  @property({ attribute: false }) provider?: Provider;

  /** Distance from the search point, in kilometres. */
  @property({ attribute: false }) distanceKm?: number;

  /** True when the distance is measured from the clinician's ZIP code, not their address. */
  @property({ attribute: false }) distanceApproximate = false;

  /** Units distances are shown in. */
  @property() units: DistanceUnit = 'mi';

  /** Whether this clinician is the selected one (highlighted with its marker). */
  @property({ type: Boolean, reflect: true }) selected = false;

  /** Level of the name heading, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  private readonly locale = new LocaleController(this);

  /** Moves focus to the card's main action. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="select-button"]')?.focus(options);
  }

  override render() {
    const provider = this.provider;
    if (!provider) return nothing;
    const strings = this.locale.strings;
    return html`
      <article part="card" aria-labelledby="title" @click=${this.handleCardClick}>
        ${this.renderTitle(displayName(provider))} ${this.renderSummary(provider)} ${this.renderBadges(provider)}
        ${this.renderAddress(provider)} ${this.renderContact(provider)}
        <div class="actions">
          <button
            class="secondary"
            part="select-button"
            type="button"
            aria-pressed=${this.selected ? 'true' : 'false'}
            @click=${this.handleSelectClick}
          >
            ${strings.showOnMap}
          </button>
          ${this.renderLink(provider.website, strings.website)} ${this.renderLink(provider.bookingUrl, strings.booking)}
        </div>
      </article>
    `;
  }

  private renderTitle(name: string) {
    // role=heading keeps the level configurable without a static tag per level.
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    return html`<div id="title" class="title" part="title" role="heading" aria-level=${level}>${name}</div>`;
  }

  private renderSummary(provider: Provider) {
    const strings = this.locale.strings;
    const meta = [provider.discipline && strings.discipline[provider.discipline], provider.practice].filter(Boolean);
    return html`
      ${meta.length ? html`<p class="meta">${meta.join(' · ')}</p>` : nothing}
      ${
        this.distanceKm === undefined
          ? nothing
          : html`<p class="distance">
              ${(this.distanceApproximate ? strings.distanceAwayApproximate : strings.distanceAway)(
                formatDistance(this.distanceKm, this.units, this.locale.lang),
              )}
            </p>`
      }
    `;
  }

  private renderBadges(provider: Provider) {
    const strings = this.locale.strings;
    const badges: Array<[string, string]> = [];
    if (provider.acceptingNewPatients === true) badges.push([strings.acceptingNewPatients, 'positive']);
    if (provider.acceptingNewPatients === false) badges.push([strings.notAcceptingNewPatients, 'negative']);
    if (provider.telehealth === true) badges.push([strings.telehealth, 'positive']);
    if (badges.length === 0) return nothing;
    return html`<ul class="badges">
      ${badges.map(([label, tone]) => html`<li part="badge" class="badge ${tone}">${label}</li>`)}
    </ul>`;
  }

  private renderAddress(provider: Provider) {
    const address = provider.address;
    if (!address) return nothing;
    const locality = [[address.city, address.state].filter(Boolean).join(', '), address.postalCode]
      .filter(Boolean)
      .join(' ');
    const lines = [address.line1, address.line2, locality].filter(Boolean);
    return html`<address part="address">
      ${lines.map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}
    </address>`;
  }

  private renderContact(provider: Provider) {
    const strings = this.locale.strings;
    const phoneHref = provider.phone ? telHref(provider.phone) : undefined;
    const rows = [
      provider.phone &&
        html`<dt>${strings.phone}</dt>
          <dd>${phoneHref ? html`<a href=${phoneHref}>${provider.phone}</a>` : provider.phone}</dd>`,
      provider.fax &&
        html`<dt>${strings.fax}</dt>
          <dd>${provider.fax}</dd>`,
      provider.languages?.length &&
        html`<dt>${strings.languages}</dt>
          <dd>${provider.languages.join(strings.listSeparator)}</dd>`,
      provider.insurance?.length &&
        html`<dt>${strings.insurance}</dt>
          <dd>${provider.insurance.join(strings.listSeparator)}</dd>`,
    ].filter(Boolean);
    return rows.length ? html`<dl>${rows}</dl>` : nothing;
  }

  private renderLink(href: string | undefined, label: string) {
    if (!href) return nothing;
    return html`<a href=${href} target="_blank" rel="noopener noreferrer"
      >${label}<span class="visually-hidden"> ${this.locale.strings.opensInNewTab}</span></a
    >`;
  }

  private handleSelectClick(event: MouseEvent) {
    event.stopPropagation();
    // A click with detail 0 came from the keyboard (Enter or Space).
    this.select(event.detail === 0);
  }

  private handleCardClick(event: MouseEvent) {
    const interactive = event
      .composedPath()
      .some((node) => node instanceof HTMLElement && (node.localName === 'a' || node.localName === 'button'));
    if (!interactive) this.select(false);
  }

  private select(viaKeyboard: boolean) {
    if (this.provider) this.dispatchEvent(new SpineSelectEvent(this.provider, 'list', viaKeyboard));
  }
}
