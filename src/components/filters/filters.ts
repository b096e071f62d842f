import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { DirectoryFilters, SortOrder } from '../../directory/filters.js';
import { hasFilters, SORT_ORDERS } from '../../directory/filters.js';
import type { Discipline } from '../../directory/schema.js';
import { DISCIPLINES } from '../../directory/schema.js';
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
 * @fires spine-filters-change - A person changed a filter or the order.
 *
 * @csspart form - The filters form.
 * @csspart clear-button - The "Clear filters" button.
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

  override render() {
    const strings = this.locale.strings;
    return html`
      <form
        part="form"
        lang=${this.locale.markedLang ?? nothing}
        @submit=${this.handleSubmit}
        aria-label=${strings.filtersLabel}
      >
        <fieldset>
          <legend>${strings.disciplineLegend}</legend>
          ${DISCIPLINES.map((discipline) =>
            this.renderCheck(
              `discipline-${discipline}`,
              strings.discipline[discipline],
              this.filters.disciplines?.includes(discipline) ?? false,
              (checked) => this.changeDiscipline(discipline, checked),
            ),
          )}
        </fieldset>
        <fieldset>
          <legend>${strings.availabilityLegend}</legend>
          ${this.renderFlag('acceptingNewPatients', strings.filterAccepting)}
          ${this.renderFlag('telehealth', strings.filterTelehealth)}
          ${this.renderFlag('registryParticipant', strings.filterRegistry)}
        </fieldset>
        ${this.renderText('language', strings.filterLanguage, this.languageOptions)}
        ${this.renderText('insurance', strings.filterInsurance, this.insuranceOptions)}
        ${this.renderText('query', strings.filterName, [])}
        <div class="field">
          <label for="sort">${strings.sortLabel}</label>
          <select id="sort" @change=${this.handleSortChange}>
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
        type="checkbox"
        .checked=${checked}
        @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${label}</label>
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
      <label for=${filter}>${label}</label>
      <input
        id=${filter}
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
