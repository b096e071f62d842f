/**
 * Language of parts (WCAG 3.1.2): the finder's words are in English or
 * Spanish, or in a language a host adds. Where the page is in a language
 * the finder has no words for, it shows English, and that English must be
 * marked as English, or a screen reader reads it with the page's voice.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { resolveLang } from '../../src/i18n/locale.js';
import { partsOf } from '../helpers.js';

/** The language a screen reader reads an element's text in: the nearest `lang`, through shadow roots. */
function languageOf(element: Element): string {
  return resolveLang(element).toLowerCase().split('-')[0];
}

async function finderIn(lang: string): Promise<SpineFinder> {
  const section = document.createElement('div');
  section.lang = lang;
  return fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`, {
    parentNode: section,
  });
}

describe('language of parts (3.1.2)', () => {
  it('reads Spanish words as Spanish and English words as English where the page is in either', async () => {
    for (const [lang, label] of [
      ['es', 'Código postal (ZIP) o ciudad'],
      ['en', 'ZIP code or city'],
    ]) {
      const finder = await finderIn(lang);
      const field = partsOf(finder).input;
      expect(field.labels![0].textContent!.trim()).to.equal(label);
      expect(languageOf(field.labels![0])).to.equal(lang);
    }
  });

  // On a page in a language the finder has no words for, its English is
  // marked as English (LocaleController.contentLang on each element's
  // outermost shadow element).
  it('marks its English as English on a page in a language it has no words for', async () => {
    const finder = await finderIn('fr');
    const label = partsOf(finder).input.labels![0];
    expect(label.textContent!.trim()).to.equal('ZIP code or city');
    expect(languageOf(label)).to.equal('en');
  });
});
