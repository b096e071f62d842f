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
 * @summary The list of clinicians found, one `<spine-provider-card>` each.
 *
 * @fires spine-select - Re-fired from a card when a person chooses it.
 *
 * @csspart list - The ordered list of cards.
 * @csspart heading - The (visually hidden) heading of the list.
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
                exportparts="card, title, badge, address, select-button, referral-button, details-button, details, location, directions, quality, explain-button, explanation"
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
