import { html, LitElement, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Match } from '../../directory/adapter.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { LocaleController } from '../../i18n/locale.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import type { SpineProviderCard } from '../provider-card/provider-card.js';
import { resultsStyles } from './results.styles.js';

/**
 * Cards drawn per task. Five take a few milliseconds; fifty at once would
 * hold the page up for a long task just as results arrive.
 */
const CARDS_PER_TASK = 5;

/**
 * @summary The list of clinicians found, one `<spine-provider-card>` each,
 * drawn a few at a time so a long list does not hold up the page.
 *
 * @tagname spine-results
 *
 * @prop {readonly Match[]} [results=[]] - The clinicians to list, in order, each with its distance.
 * @prop {ReadonlySet<string>} [referralIds=new Set()] - Ids of the clinicians on the referral sheet, whose cards say
 *   so.
 * @attr {'mi' | 'km'} [units='mi'] - Units distances are shown in.
 * @attr [selected-id] - Id of the selected clinician, whose card is highlighted and scrolled into view.
 * @attr {number} [heading-level=2] - Level of the list's (visually hidden) heading, 1 to 6; cards use the next level.
 *
 * @fires {SpineSelectEvent} spine-select - From a card, when a person chooses it: `provider`, `source` (`list`),
 *   `viaKeyboard`.
 * @fires {SpineReferralToggleEvent} spine-referral-toggle - From a card, when a person adds its clinician to the
 *   referral sheet or takes them off: `provider`, `included`.
 *
 * @csspart list - The ordered list of cards.
 * @csspart heading - The (visually hidden) heading of the list.
 * @csspart card - Each card's article. This and the parts below are the cards' own, exported.
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
 * @csspart badge-negative - "Not accepting new patients".
 * @csspart badge-positive - "Accepting new patients" and "Offers telehealth".
 * @csspart badge-registry - "Spine IQ registry participant".
 * @csspart badges - The row of status badges.
 * @csspart contact - Phone, fax and links.
 * @csspart distance - The distance from the searched place.
 * @csspart insurance - The insurance plans in the details.
 * @csspart link - Each web, booking, phone or email link.
 * @csspart meta - Discipline and practice name.
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
 * @cssprop --spine-card-gap - Space between cards.
 * @cssprop --spine-card-padding - Padding inside a card.
 * @cssprop --spine-card-shadow - Shadow under each card.
 */
export class SpineResults extends LitElement {
  static override styles = [sharedStyles, resultsStyles];

  /** The clinicians to list, in order. */
  @property({ attribute: false }) results: readonly Match[] = [];

  /** Units distances are shown in. */
  @property() units: DistanceUnit = 'mi';

  /** Id of the selected clinician, whose card is highlighted. */
  @property({ attribute: 'selected-id' }) selectedId?: string;

  /** Ids of the clinicians on the referral sheet, whose cards say so. */
  @property({ attribute: false }) referralIds: ReadonlySet<string> = new Set();

  /** Level of the list's heading; cards use the next level. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** How many of the results have cards so far. */
  @state() private drawn = CARDS_PER_TASK;

  private readonly locale = new LocaleController(this);
  private nextBatch?: ReturnType<typeof setTimeout>;

  /** Scrolls to a clinician's card and, if asked, moves focus into it. */
  async revealCard(id: string, { focus = false } = {}): Promise<void> {
    await this.updateComplete;
    const index = this.results.findIndex((match) => match.provider.id === id);
    if (index >= this.drawn) {
      this.drawn = index + 1;
      await this.updateComplete;
    }
    const card = this.cardFor(id);
    if (!card) return;
    card.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    if (focus) {
      await card.updateComplete;
      card.focus({ preventScroll: true });
    }
  }

  /** Moves focus to the start of the list (its heading), as after the list changed under the person. */
  focusList(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  /** Resolves once every result has its card. */
  async whenDrawn(): Promise<void> {
    await this.updateComplete;
    while (this.drawn < this.results.length) {
      await new Promise((resolve) => setTimeout(resolve));
      await this.updateComplete;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.nextBatch);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // A page in Spanish draws once its words have loaded, never in English first.
    return this.locale.afterLoading(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('results')) return;
    const previous = changed.get('results') ?? [];
    // More of the same list keeps the cards drawn; a new list starts again.
    const continues = previous.length > 0 && previous[0] === this.results[0] && previous.length <= this.results.length;
    if (!continues) this.drawn = CARDS_PER_TASK;
  }

  override render() {
    if (this.results.length === 0) return nothing;
    const strings = this.locale.strings;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`
      <div
        id="heading"
        part="heading"
        class="visually-hidden"
        role="heading"
        aria-level=${level}
        tabindex="-1"
        lang=${this.locale.markedLang ?? nothing}
      >
        ${strings.resultsHeading}
      </div>
      <ol part="list" aria-labelledby="heading">
        ${repeat(
          this.results.slice(0, this.drawn),
          (match) => match.provider.id,
          (match) =>
            html`<li>
              <spine-provider-card
                exportparts="card, title, meta, distance, badges, badge, badge-positive, badge-negative, badge-registry, address, contact, link, quality, explain-button, explanation, actions, select-button, referral-button, details-button, details, location, directions, insurance"
                data-id=${match.provider.id}
                .provider=${match.provider}
                .distanceKm=${match.distanceKm}
                .distanceApproximate=${match.distanceApproximate ?? false}
                units=${this.units}
                heading-level=${Math.min(6, level + 1)}
                ?selected=${match.provider.id === this.selectedId}
                .onReferral=${this.referralIds.has(match.provider.id)}
              ></spine-provider-card>
            </li>`,
        )}
      </ol>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selectedId') && this.selectedId !== undefined) {
      void this.revealCard(this.selectedId);
    }
    clearTimeout(this.nextBatch);
    if (this.drawn < this.results.length) {
      this.nextBatch = setTimeout(() => (this.drawn += CARDS_PER_TASK));
    }
  }

  private cardFor(id: string): SpineProviderCard | null {
    for (const card of this.renderRoot.querySelectorAll<SpineProviderCard>('spine-provider-card')) {
      if (card.dataset.id === id) return card;
    }
    return null;
  }
}

function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}
