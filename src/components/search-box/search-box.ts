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
 * @summary The location field, the radius choice and the search button.
 *
 * @fires spine-search-request - The form was submitted (Enter or the button),
 *   with the text as typed and the chosen radius.
 * @fires spine-locate-request - "Use my location" was pressed.
 *
 * @csspart form - The search form.
 * @csspart input - The location field.
 * @csspart radius - The radius select.
 * @csspart button - The search button.
 * @csspart locate-button - The "Use my location" button.
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
          <label for="location">${strings.locationLabel}</label>
          <span id="location-hint" class="hint">${strings.locationHint}</span>
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
          <label for="radius">${strings.radiusLabel}</label>
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
