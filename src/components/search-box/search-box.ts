import { html, LitElement, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { SpineLocateRequestEvent, SpineSearchRequestEvent } from '../../events.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { formatRadius, LocaleController } from '../../i18n/locale.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { searchBoxStyles } from './search-box.styles.js';

/** The radii a person can choose from, in the finder's units. */
export const RADIUS_CHOICES: readonly number[] = [5, 10, 25, 50, 100];

/**
 * @summary The location field, the radius choice, the search button and
 * "Use my location".
 *
 * @tagname spine-search-box
 *
 * @attr [value=''] - The text in the location field; follows what the person types.
 * @attr {number} [radius=25] - The chosen radius, in `units`; one not among 5, 10, 25, 50 and 100 is added to the
 *   choices.
 * @attr {'mi' | 'km'} [units='mi'] - Units the radius is given in.
 * @attr {boolean} [busy=false] - True while a search runs: the search button says so to assistive technology.
 * @attr {boolean} [no-geolocation=false] - Hides "Use my location" (for pages that must never ask for the position).
 *
 * @fires {SpineSearchRequestEvent} spine-search-request - The form was submitted (Enter or the button): `text` as
 *   typed,
 *   `radius`. Inside `<spine-finder>` the finder answers it and fires `spine-search` instead.
 * @fires {SpineLocateRequestEvent} spine-locate-request - "Use my location" was pressed: `radius`. Inside
 *   `<spine-finder>` the finder answers it.
 *
 * @csspart form - The search form.
 * @csspart input - The location field.
 * @csspart radius - The radius select.
 * @csspart button - The search button.
 * @csspart locate-button - The "Use my location" button.
 * @csspart hint - The hint under the location field.
 * @csspart label - Each field's label.
 *
 * @cssprop --spine-color-scheme - The browser’s own parts: form controls, scrollbars, the datalist popup.
 * @cssprop --spine-color-accent - Buttons (fill and edge), links, ticked checkboxes, the search area on the map.
 * @cssprop --spine-color-accent-text - Text on the accent: primary buttons, the pressed List/Map button.
 * @cssprop --spine-color-text - Body text.
 * @cssprop --spine-color-muted - Secondary text: discipline and practice, distance, hints, notes.
 * @cssprop --spine-color-surface - Background of the finder, cards, fields and secondary buttons.
 * @cssprop --spine-color-border - Edges of fields, selects, cards, the map and the pan buttons (keep 3:1 on the
 *   surface).
 * @cssprop --spine-color-focus - The focus ring of every control (keep 3:1 on the surface).
 * @cssprop --spine-font-family - Every text of the finder (by default the page’s own font).
 * @cssprop --spine-font-size - Base text size; everything else is in em and rem, so it follows a person’s text size.
 * @cssprop --spine-line-height - Line height of the text (not less than 1.5 for long text).
 * @cssprop --spine-radius - Corners of buttons, fields, cards, the map and the referral bar (0 for square).
 * @cssprop --spine-space - The unit of every gap and padding.
 * @cssprop --spine-control-height - Least height and width of buttons, fields and selects (at least 24px, WCAG 2.5.8).
 */
export class SpineSearchBox extends LitElement {
  static override styles = [sharedStyles, searchBoxStyles];

  /** The location text shown in the field. */
  @property() value = '';

  /** The chosen radius, in `units`. */
  @property({ type: Number }) radius = 25;

  /** Units the radius is given in. */
  @property() units: DistanceUnit = 'mi';

  /** True while a search runs, for assistive technology. */
  @property({ type: Boolean }) busy = false;

  /** Hides "Use my location" (for pages that must never ask for it). */
  @property({ type: Boolean, attribute: 'no-geolocation' }) noGeolocation = false;

  @query('input') private input!: HTMLInputElement;

  private readonly locale = new LocaleController(this);

  /** Moves focus to the location field. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // A page in Spanish draws once its words have loaded, never in English first.
    return this.locale.afterLoading(() => super.scheduleUpdate());
  }

  override render() {
    const strings = this.locale.strings;
    return html`
      <form
        part="form"
        role="search"
        lang=${this.locale.markedLang ?? nothing}
        aria-label=${strings.searchRegionLabel}
        @submit=${this.handleSubmit}
      >
        <div class="field location">
          <label for="location" part="label">${strings.locationLabel}</label>
          <span id="location-hint" class="hint" part="hint">${strings.locationHint}</span>
          <input
            id="location"
            part="input"
            name="location"
            type="text"
            autocomplete="postal-code"
            enterkeyhint="search"
            spellcheck="false"
            aria-describedby="location-hint"
            .value=${this.value}
            @input=${this.handleInput}
          />
        </div>
        <div class="field">
          <label for="radius" part="label">${strings.radiusLabel}</label>
          <select id="radius" part="radius" name="radius" @change=${this.handleRadiusChange}>
            ${this.radiusChoices().map(
              (radius) =>
                html`<option value=${radius} ?selected=${radius === this.radius}>
                  ${strings.radiusOption(formatRadius(radius, this.units, this.locale.lang))}
                </option>`,
            )}
          </select>
        </div>
        <button part="button" type="submit" aria-busy=${this.busy ? 'true' : 'false'}>${strings.searchButton}</button>
        ${
          this.noGeolocation
            ? nothing
            : html`<button class="secondary" part="locate-button" type="button" @click=${this.handleLocate}>
                ${strings.useMyLocation}
              </button>`
        }
      </form>
    `;
  }

  /** The standard choices plus the configured radius if it is not one of them. */
  private radiusChoices(): number[] {
    const choices = new Set([...RADIUS_CHOICES, this.radius]);
    return [...choices].sort((a, b) => a - b);
  }

  private handleInput(event: InputEvent) {
    this.value = (event.target as HTMLInputElement).value;
  }

  private handleRadiusChange(event: Event) {
    this.radius = Number((event.target as HTMLSelectElement).value);
  }

  private handleLocate() {
    this.dispatchEvent(new SpineLocateRequestEvent(this.radius));
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    this.dispatchEvent(new SpineSearchRequestEvent(this.value, this.radius));
  }
}
