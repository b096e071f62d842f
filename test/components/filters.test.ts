import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineFilters } from '../../src/components/filters/filters.js';
import type { SpineFiltersChangeEvent } from '../../src/events.js';

function field<T extends HTMLElement>(filters: SpineFilters, selector: string): T {
  return filters.shadowRoot!.querySelector<T>(selector)!;
}

describe('<spine-filters>', () => {
  it('is accessible, every control labelled', async () => {
    const filters = await fixture<SpineFilters>(html`<spine-filters></spine-filters>`);
    await expect(filters).to.be.accessible();
    const labels = [...filters.shadowRoot!.querySelectorAll('input, select')].map((control) =>
      (control as HTMLInputElement).labels?.[0]?.textContent?.trim(),
    );
    expect(labels).to.deep.equal([
      'Chiropractic',
      'Physical therapy',
      'Osteopathic medicine',
      'Medicine',
      'Other spine care',
      'Accepting new patients',
      'Offers telehealth',
      'Spine IQ registry participant',
      'Language spoken',
      'Insurance accepted',
      'Name or practice',
      'Sort by',
    ]);
  });

  it('says which filters are chosen when a box is ticked with the keyboard', async () => {
    const filters = await fixture<SpineFilters>(html`<spine-filters></spine-filters>`);
    field<HTMLInputElement>(filters, '#discipline-physical-therapy').focus();
    const change = oneEvent(filters, 'spine-filters-change') as Promise<SpineFiltersChangeEvent>;
    await sendKeys({ press: 'Space' });
    const event = await change;
    expect(event.filters).to.deep.equal({ disciplines: ['physical-therapy'] });
    expect(event.sort).to.equal('distance');
    expect(event.composed).to.equal(true);
  });

  it('keeps disciplines in a stable order, and drops a filter that is unticked', async () => {
    const filters = await fixture<SpineFilters>(
      html`<spine-filters .filters=${{ disciplines: ['osteopathic'], telehealth: true }}></spine-filters>`,
    );
    let change = oneEvent(filters, 'spine-filters-change') as Promise<SpineFiltersChangeEvent>;
    field<HTMLInputElement>(filters, '#discipline-chiropractic').click();
    expect((await change).filters).to.deep.equal({ disciplines: ['chiropractic', 'osteopathic'], telehealth: true });
    change = oneEvent(filters, 'spine-filters-change') as Promise<SpineFiltersChangeEvent>;
    field<HTMLInputElement>(filters, '#telehealth').click();
    expect((await change).filters).to.deep.equal({ disciplines: ['chiropractic', 'osteopathic'] });
  });

  it('suggests languages and plans it is given, and applies typed text on Enter', async () => {
    const filters = await fixture<SpineFilters>(
      html`<spine-filters .insuranceOptions=${['Aetna', 'Medicare']}></spine-filters>`,
    );
    const options = [...filters.shadowRoot!.querySelectorAll('#insurance-options option')].map(
      (option) => (option as HTMLOptionElement).value,
    );
    expect(options).to.deep.equal(['Aetna', 'Medicare']);
    field<HTMLInputElement>(filters, '#insurance').focus();
    const change = oneEvent(filters, 'spine-filters-change') as Promise<SpineFiltersChangeEvent>;
    await sendKeys({ type: ' Medicare ' });
    await sendKeys({ press: 'Enter' });
    expect((await change).filters).to.deep.equal({ insurance: 'Medicare' });
  });

  it('clears every filter with one button, shown only when there is something to clear', async () => {
    const filters = await fixture<SpineFilters>(html`<spine-filters></spine-filters>`);
    expect(filters.shadowRoot!.querySelector('[part~="clear-button"]')).to.equal(null);
    filters.filters = { acceptingNewPatients: true, language: 'Spanish' };
    await filters.updateComplete;
    const change = oneEvent(filters, 'spine-filters-change') as Promise<SpineFiltersChangeEvent>;
    field<HTMLButtonElement>(filters, '[part~="clear-button"]').click();
    expect((await change).filters).to.deep.equal({});
  });

  it('changes the order', async () => {
    const filters = await fixture<SpineFilters>(html`<spine-filters></spine-filters>`);
    const select = field<HTMLSelectElement>(filters, '#sort');
    expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal([
      'Nearest first',
      'Name',
      'Pain outcomes, best first',
    ]);
    const change = oneEvent(filters, 'spine-filters-change') as Promise<SpineFiltersChangeEvent>;
    select.value = 'quality';
    select.dispatchEvent(new Event('change'));
    expect((await change).sort).to.equal('quality');
  });

  it('speaks Spanish', async () => {
    const section = document.createElement('div');
    section.lang = 'es';
    const filters = await fixture<SpineFilters>(html`<spine-filters></spine-filters>`, { parentNode: section });
    expect(field(filters, 'legend').textContent!.trim()).to.equal('Tipo de profesional');
    expect(field<HTMLInputElement>(filters, '#telehealth').labels![0].textContent!.trim()).to.equal('Ofrece telesalud');
  });
});
