import { html, LitElement, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatOpeningHours } from '../../directory/hours.js';
import { mailtoHref, telHref, webHref } from '../../directory/links.js';
import { addressLines, displayName } from '../../directory/provider-text.js';
import { describeQuality } from '../../directory/quality.js';
import type { QualityFacts } from '../../directory/quality.js';
import type { Address, OpeningHours, Provider } from '../../directory/schema.js';
import { SpineReferralToggleEvent, SpineSelectEvent } from '../../events.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { formatDistance, LocaleController } from '../../i18n/locale.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { directionsLinks } from './directions.js';
import { providerCardStyles } from './provider-card.styles.js';

/** One place a clinician sees patients, as the details list shows it. */
interface Site {
  practice?: string;
  address?: Address;
  phone?: string;
  fax?: string;
  hours?: OpeningHours[];
}

/**
 * @summary One clinician: who they are, where, how far, how to reach them,
 * and the outcomes they report.
 *
 * The collapsed card is what a list needs; "More details" opens every
 * location with its opening hours and directions, and the full insurance
 * list. Outcome measures appear only when the directory has them, each with
 * its number of patients and period, and an explanation a patient can open.
 *
 * @tagname spine-provider-card
 *
 * @prop {Provider | undefined} provider - The clinician to show; the card is empty without one.
 * @prop {number | undefined} distanceKm - Distance from the search point, in kilometres; no distance is shown without
 *   it.
 * @prop {boolean} [distanceApproximate=false] - True when the distance is measured from the clinician's ZIP code, not
 *   their address ("about 2 miles").
 * @prop {boolean} [onReferral=false] - Whether the clinician is on the referral sheet. Set by whoever keeps the sheet:
 *   the card only asks, with `spine-referral-toggle`.
 * @attr {'mi' | 'km'} [units='mi'] - Units the distance is shown in.
 * @attr {boolean} [selected=false] - Whether this is the selected clinician (highlighted, like its marker). Reflected,
 *   for styling.
 * @attr {boolean} [details-open=false] - Whether "More details" is open.
 * @attr {number} [heading-level=3] - Level of the name's heading (1 to 6), to fit the host page's outline.
 *
 * @fires {SpineSelectEvent} spine-select - The person chose this clinician ("Show on map", or a click on the card):
 *   `provider`, `source` (`list`), `viaKeyboard`.
 * @fires {SpineReferralToggleEvent} spine-referral-toggle - The person asked to add this clinician to the referral
 *   sheet, or to take them off it: `provider`, `included`. The card does not change `onReferral` itself.
 *
 * @csspart card - The card's article.
 * @csspart title - The clinician's name and credentials.
 * @csspart badge - Each status badge (accepting new patients, telehealth, registry participant).
 * @csspart address - The practice address (and each address in the details).
 * @csspart quality - The outcome measures.
 * @csspart explain-button - The "What does this mean?" button of the outcome measures.
 * @csspart explanation - What the outcome measures mean.
 * @csspart select-button - The "Show on map" button.
 * @csspart referral-button - The "Add to referral sheet" button.
 * @csspart details-button - The "More details" button.
 * @csspart details - The details section.
 * @csspart location - Each location in the details.
 * @csspart directions - Each location's directions links.
 * @csspart actions - The row of buttons.
 * @csspart badges - The row of status badges.
 * @csspart contact - Phone, fax and links.
 * @csspart distance - The distance from the searched place.
 * @csspart insurance - The insurance plans in the details.
 * @csspart link - Each web, booking, phone or email link.
 * @csspart meta - Discipline and practice name.
 * @csspart badge-positive - "Accepting new patients" and "Offers telehealth".
 * @csspart badge-negative - "Not accepting new patients".
 * @csspart badge-registry - "Spine IQ registry participant".
 *
 * @cssprop --spine-color-scheme - The browser’s own parts: form controls, scrollbars, the datalist popup.
 * @cssprop --spine-color-accent - Buttons (fill and edge), links, ticked checkboxes, the search area on the map.
 * @cssprop --spine-color-accent-text - Text on the accent: primary buttons, the pressed List/Map button.
 * @cssprop --spine-color-text - Body text.
 * @cssprop --spine-color-muted - Secondary text: discipline and practice, distance, hints, notes.
 * @cssprop --spine-color-surface - Background of the finder, cards, fields and secondary buttons.
 * @cssprop --spine-color-surface-alt - Background of the referral bar, the outcome explanation, earlier results.
 * @cssprop --spine-color-border - Edges of fields, selects, cards, the map and the pan buttons (keep 3:1 on the
 *   surface).
 * @cssprop --spine-color-success - Default of the positive badges.
 * @cssprop --spine-color-focus - The focus ring of every control (keep 3:1 on the surface).
 * @cssprop --spine-color-selected - Background of the chosen card.
 * @cssprop --spine-color-selected-border - Edge of the chosen card.
 * @cssprop --spine-color-badge-positive - Text and edge of “Accepting new patients” and “Offers telehealth”.
 * @cssprop --spine-color-badge-negative - Text and edge of “Not accepting new patients”.
 * @cssprop --spine-color-badge-registry - Text and edge of “Spine IQ registry participant”.
 * @cssprop --spine-color-badge-background - Fill of every badge.
 * @cssprop --spine-font-family - Every text of the finder (by default the page’s own font).
 * @cssprop --spine-font-family-heading - Each clinician’s name on the cards.
 * @cssprop --spine-font-size - Base text size; everything else is in em and rem, so it follows a person’s text size.
 * @cssprop --spine-line-height - Line height of the text (not less than 1.5 for long text).
 * @cssprop --spine-radius - Corners of buttons, fields, cards, the map and the referral bar (0 for square).
 * @cssprop --spine-space - The unit of every gap and padding.
 * @cssprop --spine-control-height - Least height and width of buttons, fields and selects (at least 24px, WCAG 2.5.8).
 * @cssprop --spine-card-padding - Padding inside a card.
 * @cssprop --spine-card-shadow - Shadow under each card.
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

  /** Whether this clinician is on the referral sheet (set by whoever keeps the sheet). */
  @property({ attribute: false }) onReferral = false;

  /** Whether the details section is open. */
  @property({ type: Boolean, attribute: 'details-open' }) detailsOpen = false;

  /** Level of the name heading, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private explanationOpen = false;

  private readonly locale = new LocaleController(this);

  /** Moves focus to the card's main action. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="select-button"]')?.focus(options);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // A page in Spanish draws once its words have loaded, never in English first.
    return this.locale.afterLoading(() => super.scheduleUpdate());
  }

  override render() {
    const provider = this.provider;
    if (!provider) return nothing;
    const strings = this.locale.strings;
    const hasDetails = this.hasDetails(provider);
    return html`
      <article
        part="card"
        aria-labelledby="title"
        lang=${this.locale.markedLang ?? nothing}
        @click=${this.handleCardClick}
      >
        ${this.renderTitle(displayName(provider))} ${this.renderSummary(provider)} ${this.renderBadges(provider)}
        ${this.renderAddress(provider.address)} ${this.renderContact(provider)} ${this.renderQuality(provider)}
        <div class="actions" part="actions">
          <button
            class="secondary"
            part="select-button"
            type="button"
            aria-pressed=${this.selected ? 'true' : 'false'}
            @click=${this.handleSelectClick}
          >
            ${strings.showOnMap}
          </button>
          <button
            class=${this.onReferral ? '' : 'secondary'}
            part="referral-button"
            type="button"
            aria-pressed=${this.onReferral ? 'true' : 'false'}
            @click=${this.handleReferralClick}
          >
            ${this.onReferral ? strings.referralIncluded : strings.referralAdd}
          </button>
          ${this.renderLink(webHref(provider.website), strings.website)}
          ${this.renderLink(webHref(provider.bookingUrl), strings.booking)}
        </div>
        ${hasDetails ? this.renderDetails(provider) : nothing}
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
      ${meta.length ? html`<p class="meta" part="meta">${meta.join(' · ')}</p>` : nothing}
      ${
        this.distanceKm === undefined
          ? nothing
          : html`<p class="distance" part="distance">
              ${(this.distanceApproximate ? strings.distanceAwayApproximate : strings.distanceAway)(
                formatDistance(this.distanceKm, this.units, this.locale.lang),
              )}
            </p>`
      }
    `;
  }

  private renderBadges(provider: Provider) {
    const strings = this.locale.strings;
    const badges = [];
    if (provider.acceptingNewPatients === true) badges.push(this.renderBadge(strings.acceptingNewPatients, 'positive'));
    if (provider.acceptingNewPatients === false) {
      badges.push(this.renderBadge(strings.notAcceptingNewPatients, 'negative'));
    }
    if (provider.telehealth === true) badges.push(this.renderBadge(strings.telehealth, 'positive'));
    if (provider.registry?.participant === true) {
      const profile = webHref(provider.registry.profileUrl);
      badges.push(
        this.renderBadge(
          profile ? this.renderLink(profile, strings.registryParticipant) : strings.registryParticipant,
          'registry',
        ),
      );
    }
    if (badges.length === 0) return nothing;
    return html`<ul class="badges" part="badges">
      ${badges}
    </ul>`;
  }

  private renderBadge(content: string | TemplateResult | typeof nothing, tone: string) {
    return html`<li part="badge badge-${tone}" class="badge ${tone}">${content}</li>`;
  }

  private renderAddress(address: Address | undefined) {
    const lines = address ? addressLines(address) : [];
    if (lines.length === 0) return nothing;
    return html`<address part="address">
      ${lines.map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}
    </address>`;
  }

  private renderContact(provider: Provider) {
    const strings = this.locale.strings;
    const email = mailtoHref(provider.email);
    const rows = [
      ...this.phoneAndFaxRows(provider),
      email &&
        html`<dt>${strings.email}</dt>
          <dd><a href=${email} part="link">${provider.email}</a></dd>`,
      provider.languages?.length &&
        html`<dt>${strings.languages}</dt>
          <dd>${provider.languages.join(strings.listSeparator)}</dd>`,
    ].filter(Boolean);
    return rows.length ? html`<dl part="contact">${rows}</dl>` : nothing;
  }

  private phoneAndFaxRows(site: Site) {
    const strings = this.locale.strings;
    const phoneHref = site.phone ? telHref(site.phone) : undefined;
    return [
      site.phone &&
        html`<dt>${strings.phone}</dt>
          <dd>${phoneHref ? html`<a href=${phoneHref} part="link">${site.phone}</a>` : site.phone}</dd>`,
      site.fax &&
        html`<dt>${strings.fax}</dt>
          <dd>${site.fax}</dd>`,
    ];
  }

  private renderQuality(provider: Provider) {
    const strings = this.locale.strings;
    const measures = describeQuality(provider.quality, strings, this.locale.lang);
    if (measures.length === 0) return nothing;
    return html`<div class="quality" part="quality">
      <p class="label">${strings.qualityHeading}</p>
      <dl class="measures">
        ${measures.map(
          (measure) =>
            html`<dt>${measure.name}</dt>
              <dd>${measure.result}</dd>`,
        )}
      </dl>
      <button
        class="text-button"
        part="explain-button"
        type="button"
        aria-expanded=${this.explanationOpen ? 'true' : 'false'}
        aria-controls="explanation"
        @click=${this.handleExplainClick}
      >
        ${strings.qualityExplain}
      </button>
      <div id="explanation" class="explanation" part="explanation" ?hidden=${!this.explanationOpen}>
        ${this.explanationOpen ? this.renderExplanation(measures) : nothing}
      </div>
    </div>`;
  }

  private renderExplanation(measures: readonly QualityFacts[]) {
    const strings = this.locale.strings;
    const known = [...new Set(measures.flatMap((measure) => (measure.known ? [measure.known] : [])))];
    return html`
      <p>${strings.qualityExplanation}</p>
      ${known.map((measure) => html`<p>${strings.qualityMeasureExplanations[measure]}</p>`)}
      <p>${strings.qualityVaries}</p>
      <p>${strings.qualityNotReported}</p>
    `;
  }

  /**
   * The details section is there only when it adds something: hours or
   * directions for the main location, other locations, or insurance plans.
   */
  private hasDetails(provider: Provider): boolean {
    return Boolean(
      provider.hours?.length ||
      directionsLinks(provider.address).length ||
      provider.otherLocations?.some(saysSomething) ||
      provider.insurance?.length,
    );
  }

  private renderDetails(provider: Provider) {
    const strings = this.locale.strings;
    return html`
      <button
        class="secondary details-button"
        part="details-button"
        type="button"
        aria-expanded=${this.detailsOpen ? 'true' : 'false'}
        aria-controls="details"
        @click=${this.handleDetailsClick}
      >
        ${this.detailsOpen ? strings.fewerDetails : strings.moreDetails}
      </button>
      <div id="details" class="details" part="details" ?hidden=${!this.detailsOpen}>
        ${this.detailsOpen ? this.renderDetailsContent(provider) : nothing}
      </div>
    `;
  }

  private renderDetailsContent(provider: Provider) {
    const strings = this.locale.strings;
    const sites = [this.mainSite(provider), ...(provider.otherLocations ?? [])].filter(saysSomething);
    return html`
      ${
        sites.length
          ? html`<p class="label">${strings.locationsHeading(sites.length)}</p>
              <ol class="locations">
                ${sites.map((site) => this.renderSite(site))}
              </ol>`
          : nothing
      }
      ${
        provider.insurance?.length
          ? html`<dl part="insurance">
              <dt>${strings.insurance}</dt>
              <dd>${provider.insurance.join(strings.listSeparator)}</dd>
            </dl>`
          : nothing
      }
    `;
  }

  private mainSite(provider: Provider): Site {
    const { practice, address, phone, fax, hours } = provider;
    return { practice, address, phone, fax, hours };
  }

  private renderSite(site: Site) {
    const strings = this.locale.strings;
    const hours = site.hours ? formatOpeningHours(site.hours, strings, this.locale.lang) : [];
    const directions = directionsLinks(site.address);
    const rows = [
      ...this.phoneAndFaxRows(site),
      hours.length > 0 &&
        html`<dt>${strings.hours}</dt>
          <dd>
            <ul class="plain">
              ${hours.map((line) => html`<li>${line}</li>`)}
            </ul>
          </dd>`,
      directions.length > 0 &&
        html`<dt>${strings.directions}</dt>
          <dd>
            <ul class="plain directions" part="directions">
              ${directions.map(({ app, href }) => html`<li>${this.renderLink(href, strings.mapApps[app])}</li>`)}
            </ul>
          </dd>`,
    ].filter(Boolean);
    return html`<li class="location" part="location">
      ${site.practice ? html`<p class="practice">${site.practice}</p>` : nothing} ${this.renderAddress(site.address)}
      ${rows.length ? html`<dl part="contact">${rows}</dl>` : nothing}
    </li>`;
  }

  /**
   * A link that opens in a new tab. Directory links come through `webHref`
   * again here: a host's own adapter hands the card providers that never
   * went through the schema.
   */
  private renderLink(href: string | undefined, label: string) {
    if (!href) return nothing;
    return html`<a href=${href} part="link" target="_blank" rel="noopener noreferrer"
      >${label}<span class="visually-hidden"> ${this.locale.strings.opensInNewTab}</span></a
    >`;
  }

  private handleSelectClick(event: MouseEvent) {
    event.stopPropagation();
    // A click with detail 0 came from the keyboard (Enter or Space).
    this.select(event.detail === 0);
  }

  private handleReferralClick() {
    if (this.provider) this.dispatchEvent(new SpineReferralToggleEvent(this.provider, !this.onReferral));
  }

  private handleDetailsClick() {
    this.detailsOpen = !this.detailsOpen;
  }

  private handleExplainClick() {
    this.explanationOpen = !this.explanationOpen;
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

/** Whether a location has anything a person could use. */
function saysSomething(site: Site): boolean {
  return Boolean(
    site.practice ||
    (site.address && addressLines(site.address).length) ||
    site.phone ||
    site.fax ||
    site.hours?.length,
  );
}
