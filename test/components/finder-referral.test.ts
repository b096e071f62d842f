/**
 * The referral sheet through the whole finder: a referring clinician adds
 * clinicians from their cards, prints the sheet, and clears it.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineReferralPrintEvent } from '../../src/events.js';
import { partsOf, searchAndWait } from '../helpers.js';
import { watchPrinting } from '../referral/print-frames.js';

function referralButton(finder: SpineFinder, index: number): HTMLButtonElement {
  return partsOf(finder).cards()[index].shadowRoot!.querySelector<HTMLButtonElement>('[part~="referral-button"]')!;
}

function tray(finder: SpineFinder) {
  return finder.shadowRoot!.querySelector('spine-referral-tray');
}

describe('<spine-finder> referral sheet', () => {
  it('gathers clinicians from their cards, prints them on one sheet, and clears it', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    expect(tray(finder)).to.equal(null);

    referralButton(finder, 0).click();
    referralButton(finder, 2).click();
    await finder.updateComplete;
    await waitUntil(() => referralButton(finder, 2).getAttribute('aria-pressed') === 'true', 'the card did not say so');
    const bar = tray(finder)!;
    await bar.updateComplete;
    expect(bar.shadowRoot!.textContent).to.contain('2 clinicians on the referral sheet');
    await expect(finder).to.be.accessible();

    const watch = watchPrinting();
    try {
      const printed = oneEvent(finder, 'spine-referral-print') as Promise<SpineReferralPrintEvent>;
      bar.shadowRoot!.querySelector<HTMLButtonElement>('[part~="print-button"]')!.click();
      const event = await printed;
      expect(event.providers.map((provider) => provider.id)).to.deep.equal(['fx-1', 'fx-3']);
      const [sheet] = watch.printed;
      expect(sheet.text).to.contain('Ana Lopez, DC');
      expect(sheet.text).to.contain('(312) 555-0101');
      expect(sheet.text).to.contain('(312) 555-0102');
      expect(sheet.text).to.contain('Carla Nguyen, DO');
      expect(sheet.text).not.to.contain('Ben Okafor');
    } finally {
      watch.stop();
    }

    // Taking one off from its card.
    referralButton(finder, 0).click();
    await finder.updateComplete;
    await bar.updateComplete;
    expect(bar.shadowRoot!.textContent).to.contain('1 clinician on the referral sheet');

    bar.shadowRoot!.querySelector<HTMLButtonElement>('[part~="clear-button"]')!.click();
    await waitUntil(() => tray(finder) === null, 'the tray did not go away');
    expect(referralButton(finder, 2).getAttribute('aria-pressed')).to.equal('false');
    const { results } = partsOf(finder);
    expect(results.shadowRoot!.activeElement?.id).to.equal('heading');
  });
});
