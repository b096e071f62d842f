import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineSearchBox } from '../../src/components/search-box/search-box.js';
import { SpineSearchRequestEvent } from '../../src/events.js';

function partsOf(box: SpineSearchBox) {
  const root = box.shadowRoot!;
  return {
    input: root.querySelector('input')!,
    select: root.querySelector('select')!,
    button: root.querySelector<HTMLButtonElement>('[part~="button"]')!,
    optionTexts: () => [...root.querySelectorAll('option')].map((option) => option.textContent!.trim()),
    optionValues: () => [...root.querySelectorAll('option')].map((option) => Number(option.value)),
  };
}

/** Types into the location field as a person would. */
async function typeLocation(box: SpineSearchBox, text: string): Promise<void> {
  partsOf(box).input.focus();
  await sendKeys({ type: text });
}

describe('<spine-search-box>', () => {
  it('is accessible', async () => {
    const box = await fixture<SpineSearchBox>(html`<spine-search-box></spine-search-box>`);
    await expect(box).to.be.accessible();
  });

  it('labels the location field with "ZIP"', async () => {
    const box = await fixture<SpineSearchBox>(html`<spine-search-box></spine-search-box>`);
    const { input } = partsOf(box);
    expect(input.labels).to.have.length(1);
    expect(input.labels![0].textContent).to.contain('ZIP');
  });

  it('asks for a search with the typed text and the default radius when Enter is pressed', async () => {
    const box = await fixture<SpineSearchBox>(html`<spine-search-box></spine-search-box>`);
    await typeLocation(box, 'Chicago, IL');
    const request = oneEvent(box, 'spine-search-request') as Promise<SpineSearchRequestEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await request;
    expect(event).to.be.instanceOf(SpineSearchRequestEvent);
    expect(event.text).to.equal('Chicago, IL');
    expect(event.radius).to.equal(25);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('carries the radius a person chose in the select', async () => {
    const box = await fixture<SpineSearchBox>(html`<spine-search-box></spine-search-box>`);
    const { select, button } = partsOf(box);
    await typeLocation(box, '60614');
    select.focus();
    // From 25, one step down the list is 50.
    await sendKeys({ press: 'ArrowDown' });
    await box.updateComplete;
    expect(select.value).to.equal('50');

    const request = oneEvent(box, 'spine-search-request') as Promise<SpineSearchRequestEvent>;
    button.focus();
    await sendKeys({ press: 'Enter' });
    const event = await request;
    expect(event.text).to.equal('60614');
    expect(event.radius).to.equal(50);
  });

  it('offers 5, 10, 25, 50 and 100, with the configured radius selected', async () => {
    const box = await fixture<SpineSearchBox>(html`<spine-search-box radius="10"></spine-search-box>`);
    const { select, optionValues, optionTexts } = partsOf(box);
    expect(optionValues()).to.deep.equal([5, 10, 25, 50, 100]);
    expect(optionTexts()).to.deep.equal([
      'Within 5 miles',
      'Within 10 miles',
      'Within 25 miles',
      'Within 50 miles',
      'Within 100 miles',
    ]);
    expect(select.value).to.equal('10');
  });

  it('adds a configured radius that is not one of the choices, in order, and selects it', async () => {
    const box = await fixture<SpineSearchBox>(html`<spine-search-box radius="15"></spine-search-box>`);
    const { select, optionValues } = partsOf(box);
    expect(optionValues()).to.deep.equal([5, 10, 15, 25, 50, 100]);
    expect(select.value).to.equal('15');

    await typeLocation(box, '60614');
    const request = oneEvent(box, 'spine-search-request') as Promise<SpineSearchRequestEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await request).radius).to.equal(15);
  });

  it('shows kilometres when units="km"', async () => {
    const box = await fixture<SpineSearchBox>(html`<spine-search-box units="km"></spine-search-box>`);
    const { optionTexts } = partsOf(box);
    expect(optionTexts()).to.deep.equal([
      'Within 5 kilometers',
      'Within 10 kilometers',
      'Within 25 kilometers',
      'Within 50 kilometers',
      'Within 100 kilometers',
    ]);
  });

  it('speaks Spanish when an ancestor has lang="es"', async () => {
    const ancestor = document.createElement('div');
    ancestor.lang = 'es';
    const box = await fixture<SpineSearchBox>(html`<spine-search-box></spine-search-box>`, { parentNode: ancestor });
    expect(box.parentElement).to.equal(ancestor);
    expect(box.hasAttribute('lang')).to.equal(false);
    const { input, select, button, optionTexts } = partsOf(box);
    expect(input.labels![0].textContent!.trim()).to.equal('Código postal (ZIP) o ciudad');
    expect(select.labels![0].textContent!.trim()).to.equal('Distancia');
    expect(button.textContent!.trim()).to.equal('Buscar');
    expect(optionTexts()[0]).to.equal('A menos de 5 millas');
    expect(box.shadowRoot!.querySelector('form')!.getAttribute('aria-label')).to.equal(
      'Buscar un profesional de atención primaria de la columna',
    );
  });
});
