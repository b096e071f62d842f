/**
 * English and Spanish, and a host's own words: what a person sees in each.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';

/** Everything a person can see or hear in an element: its text, through every shadow root, and the labels of its controls. */
function perceivable(root: Node): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent!.trim();
      if (text) found.push(text);
      return;
    }
    if (node instanceof Element) {
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(attribute);
        if (value) found.push(value);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return found;
}

/** English sentences and labels of the tables that Spanish says otherwise. */
function englishOnly(): string[] {
  const phrases: string[] = [];
  const collect = (english: unknown, spanish: unknown) => {
    if (typeof english === 'string' && english !== spanish && english.length > 3) phrases.push(english);
    if (english && typeof english === 'object') {
      for (const key of Object.keys(english)) {
        collect((english as Record<string, unknown>)[key], (spanish as Record<string, unknown>)[key]);
      }
    }
  };
  collect(en, es);
  return phrases;
}

describe('languages', () => {
  it('leaves no English on screen when the page is in Spanish', async () => {
    const section = document.createElement('div');
    section.lang = 'es';
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/api/directory"></spine-finder>`, {
      parentNode: section,
    });
    await searchAndWait(finder, '60614');
    const { cards, map } = partsOf(finder);
    await mapReady(map);
    // Open every disclosure of the first cards and put two on the referral sheet.
    for (const card of cards().slice(0, 3)) {
      for (const button of card.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]')) {
        button.click();
      }
      await card.updateComplete;
    }
    cards()[0].shadowRoot!.querySelector<HTMLButtonElement>('[part~="referral-button"]')!.click();
    cards()[1].shadowRoot!.querySelector<HTMLButtonElement>('[part~="referral-button"]')!.click();
    await finder.updateComplete;
    await finder.shadowRoot!.querySelector('spine-referral-tray')!.updateComplete;

    const seen = perceivable(finder);
    // Whole texts, not parts: "Lista" holds "List", and clinics in the data are named in English.
    const english = englishOnly().filter((phrase) => seen.includes(phrase));
    expect(english).to.deep.equal([]);
    expect(seen).to.include('Buscar');
    expect(seen.some((text) => /profesionales a menos de 25 millas de 60614/.test(text))).to.equal(true);
  });

  it('follows a change of language on the page without a reload', async () => {
    const section = document.createElement('div');
    section.lang = 'en';
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`, {
      parentNode: section,
    });
    await searchAndWait(finder, '60614');
    section.lang = 'es';
    await waitUntil(
      () => partsOf(finder).input.labels![0].textContent!.includes('Código postal'),
      'the label did not change',
    );
    await waitUntil(
      () => partsOf(finder).status.textContent!.includes('profesionales'),
      'the result count did not change language',
    );
    const card = partsOf(finder).cards()[0];
    await waitUntil(
      () => card.shadowRoot!.textContent!.includes('Ver en el mapa'),
      'the cards did not change language',
    );
  });

  it('takes a host’s own words for any string, down to the cards', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder
        endpoint="/test-api/directory"
        .translations=${{ en: { searchButton: 'Find a clinician', showOnMap: 'Locate' } }}
      ></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    const box = partsOf(finder).searchBox;
    expect(box.shadowRoot!.querySelector('[part~="button"]')!.textContent!.trim()).to.equal('Find a clinician');
    const card = partsOf(finder).cards()[0];
    expect(card.shadowRoot!.querySelector('[part~="select-button"]')!.textContent!.trim()).to.equal('Locate');
    // What the host did not change stays the finder's own.
    expect(box.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('ZIP code or city');

    finder.translations = { en: { searchButton: 'Go' } };
    await waitUntil(
      () => box.shadowRoot!.querySelector('[part~="button"]')!.textContent!.trim() === 'Go',
      'new words did not reach the search box',
    );
  });

  it('speaks a language a host adds, with numbers in that language', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder
        lang="fr"
        endpoint="/test-api/directory"
        radius="10"
        .translations=${{
          fr: {
            locationLabel: 'Code postal ou ville',
            resultsSummary: (_count: number, count: string, radius: string, place: string) =>
              `${count} praticiens à moins de ${radius} de ${place}`,
          },
        }}
      ></spine-finder>`,
    );
    expect(partsOf(finder).input.labels![0].textContent!.trim()).to.equal('Code postal ou ville');
    await searchAndWait(finder, '60614');
    // French defaults to kilometres, and Intl writes them the French way.
    // Intl separates a number from its unit with a no-break space in French.
    expect(partsOf(finder).status.textContent!.trim().replace(/\s/g, ' ')).to.equal(
      '3 praticiens à moins de 10 kilomètres de 60614',
    );
    // Strings the host did not give fall back to English.
    expect(partsOf(finder).cards()[0].shadowRoot!.textContent).to.contain('Show on map');
  });
});
