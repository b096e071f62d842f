import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { DirectoryFilters, SortOrder } from '../../directory/filters.js';
import { hasFilters, SORT_ORDERS } from '../../directory/filters.js';
import type { Discipline } from '../../directory/schema.js';
import { DISCIPLINES } from '../../directory/vocabulary.js';
import { SpineFiltersChangeEvent } from '../../events.js';
import { LocaleController } from '../../i18n/locale.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { filtersStyles } from './filters.styles.js';

type Flag = 'acceptingNewPatients' | 'telehealth' | 'registryParticipant';
type TextFilter = 'language' | 'insurance' | 'query';

/**
 * @summary The filters and the sort order of a search: kind of clinician,
 * accepting new patients, telehealth, Spine IQ registry, language,
 * insurance, name; nearest first, by name or by outcome.
 *
 * @tagname spine-filters
 *
 * @prop {DirectoryFilters} [filters={}] - The filters in force; the element updates it as a person changes them.
 * @prop {readonly string[]} [languageOptions=[]] - Languages to suggest in the language field (those the loaded
 *   clinicians speak).
 * @prop {readonly string[]} [insuranceOptions=[]] - Insurance plans to suggest in the insurance field (those the loaded
 *   clinicians take).
 * @attr {'distance' | 'name' | 'quality'} [sort='distance'] - The order in force: nearest first, by name, or by
 *   pain outcomes.
 *
 * @fires {SpineFiltersChangeEvent} spine-filters-change - A person changed a filter or the order: `filters`, `sort`.
 *   Inside `<spine-finder>` the finder searches again with them.
 *
 * @csspart form - The filters form.
 * @csspart clear-button - The "Clear filters" button.
 * @csspart check-label - Each checkbox filter's label.
 * @csspart checkbox - Each checkbox filter.
 * @csspart group - Each group of filters (a fieldset).
 * @csspart input - The text filters (language, insurance, name).
 * @csspart label - Each field's label.
 * @csspart legend - Each group's legend.
 * @csspart select - The discipline and sort selects.
 *
 * @cssprop --spine-color-scheme - The browser’s own parts: form controls, scrollbars, the datalist popup.
 * @cssprop --spine-color-accent - Buttons (fill and edge), links, ticked checkboxes, the search area on the map.
 * @cssprop --spine-color-accent-text - Text on the accent: primary buttons, the pressed List/Map button.
 * @cssprop --spine-color-text - Body text.
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
export class SpineFilters extends LitElement {
  static override styles = [sharedStyles, filtersStyles];

  /** The filters in force. */
  @property({ attribute: false }) filters: DirectoryFilters = {};

  /** The order in force. */
  @property() sort: SortOrder = 'distance';

  /** Languages to suggest (those the loaded clinicians speak). */
  @property({ attribute: false }) languageOptions: readonly string[] = [];

  /** Insurance plans to suggest (those the loaded clinicians take). */
  @property({ attribute: false }) insuranceOptions: readonly string[] = [];

  private readonly locale = new LocaleController(this);

  protected override scheduleUpdate(): void | Promise<unknown> {
    // A page in Spanish draws once its words have loaded, never in English first.
    return this.locale.afterLoading(() => super.scheduleUpdate());
  }

  override render() {
    const strings = this.locale.strings;
    return html`
      <form
        part="form"
        lang=${this.locale.markedLang ?? nothing}
        @submit=${this.handleSubmit}
        aria-label=${strings.filtersLabel}
      >
        <fieldset part="group">
          <legend part="legend">${strings.disciplineLegend}</legend>
          ${DISCIPLINES.map((discipline) =>
            this.renderCheck(
              `discipline-${discipline}`,
              strings.discipline[discipline],
              this.filters.disciplines?.includes(discipline) ?? false,
              (checked) => this.changeDiscipline(discipline, checked),
            ),
          )}
        </fieldset>
        <fieldset part="group">
          <legend part="legend">${strings.availabilityLegend}</legend>
          ${this.renderFlag('acceptingNewPatients', strings.filterAccepting)}
          ${this.renderFlag('telehealth', strings.filterTelehealth)}
          ${this.renderFlag('registryParticipant', strings.filterRegistry)}
        </fieldset>
        ${this.renderText('language', strings.filterLanguage, this.languageOptions)}
        ${this.renderText('insurance', strings.filterInsurance, this.insuranceOptions)}
        ${this.renderText('query', strings.filterName, [])}
        <div class="field">
          <label for="sort" part="label">${strings.sortLabel}</label>
          <select id="sort" part="select" @change=${this.handleSortChange}>
            ${SORT_ORDERS.map(
              (order) =>
                html`<option value=${order} ?selected=${order === this.sort}>${strings.sortOrder[order]}</option>`,
            )}
          </select>
        </div>
        ${
          hasFilters(this.filters)
            ? html`<button class="secondary" part="clear-button" type="button" @click=${this.handleClear}>
                ${strings.clearFilters}
              </button>`
            : nothing
        }
      </form>
    `;
  }

  private renderCheck(id: string, label: string, checked: boolean, onChange: (checked: boolean) => void) {
    return html`<span class="check">
      <input
        id=${id}
        part="checkbox"
        type="checkbox"
        .checked=${checked}
        @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
      />
      <label for=${id} part="check-label">${label}</label>
    </span>`;
  }

  private renderFlag(flag: Flag, label: string) {
    return this.renderCheck(flag, label, this.filters[flag] === true, (checked) =>
      this.change({ ...this.filters, [flag]: checked || undefined }),
    );
  }

  /** A text filter applies when the person leaves the field or presses Enter, not on every key. */
  private renderText(filter: TextFilter, label: string, options: readonly string[]) {
    const listId = `${filter}-options`;
    return html`<div class="field">
      <label for=${filter} part="label">${label}</label>
      <input
        id=${filter}
        part="input"
        type="text"
        autocomplete="off"
        list=${options.length ? listId : nothing}
        .value=${this.filters[filter] ?? ''}
        @change=${(event: Event) => this.changeText(filter, (event.target as HTMLInputElement).value)}
      />
      ${
        options.length
          ? html`<datalist id=${listId}>${options.map((option) => html`<option value=${option}></option>`)}</datalist>`
          : nothing
      }
    </div>`;
  }

  private changeDiscipline(discipline: Discipline, checked: boolean) {
    const chosen = new Set(this.filters.disciplines ?? []);
    if (checked) chosen.add(discipline);
    else chosen.delete(discipline);
    const disciplines = DISCIPLINES.filter((candidate) => chosen.has(candidate));
    this.change({ ...this.filters, disciplines: disciplines.length ? disciplines : undefined });
  }

  private changeText(filter: TextFilter, value: string) {
    const text = value.trim();
    if ((this.filters[filter] ?? '') === text) return;
    this.change({ ...this.filters, [filter]: text || undefined });
  }

  private change(filters: DirectoryFilters) {
    this.filters = withoutEmpty(filters);
    this.dispatchEvent(new SpineFiltersChangeEvent(this.filters, this.sort));
  }

  private handleSortChange(event: Event) {
    this.sort = (event.target as HTMLSelectElement).value as SortOrder;
    this.dispatchEvent(new SpineFiltersChangeEvent(this.filters, this.sort));
  }

  private handleClear() {
    this.change({});
  }

  private handleSubmit(event: SubmitEvent) {
    // Enter in a text field applies it: the field's change event has run.
    event.preventDefault();
  }
}

function withoutEmpty(filters: DirectoryFilters): DirectoryFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as DirectoryFilters;
}
