import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineProviderCard } from '../../src/components/provider-card/provider-card.js';
import type { Provider } from '../../src/directory/schema.js';
import type { SpineSelectEvent } from '../../src/events.js';

const [ANA, BEN] = SAMPLE_PROVIDERS;

// 1 km is 0.62 miles.
const ONE_KM = 1;

async function cardFor(provider: Provider, distanceKm?: number): Promise<SpineProviderCard> {
  return fixture<SpineProviderCard>(
    html`<spine-provider-card .provider=${provider} .distanceKm=${distanceKm}></spine-provider-card>`,
  );
}

function partsOf(card: SpineProviderCard) {
  const root = card.shadowRoot!;
  return {
    root,
    title: root.querySelector<HTMLElement>('[part~="title"]')!,
    selectButton: root.querySelector<HTMLButtonElement>('[part~="select-button"]')!,
    badges: () => [...root.querySelectorAll('[part~="badge"]')].map((badge) => badge.textContent!.trim()),
    text: () => root.textContent!.replace(/\s+/g, ' '),
  };
}

/** Clicks the middle of an element with the real mouse. */
async function clickOn(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Collects the spine-select events a card fires. */
function recordSelections(card: SpineProviderCard): SpineSelectEvent[] {
  const events: SpineSelectEvent[] = [];
  card.addEventListener('spine-select', (event) => events.push(event));
  return events;
}

describe('<spine-provider-card>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('is accessible', async () => {
    const card = await cardFor(ANA, ONE_KM);
    await expect(card).to.be.accessible();
  });

  it('shows the name with credentials as the title', async () => {
    const card = await cardFor(BEN, ONE_KM);
    const { title } = partsOf(card);
    expect(title.textContent!.trim()).to.equal('Ben Okafor, PT, DPT');
    expect(title.getAttribute('role')).to.equal('heading');
    expect(title.getAttribute('aria-level')).to.equal('3');
  });

  it('shows the discipline and the practice', async () => {
    const card = await cardFor(ANA, ONE_KM);
    expect(partsOf(card).root.querySelector('.meta')!.textContent!.trim()).to.equal(
      'Chiropractic · Lincoln Park Chiropractic',
    );
  });

  it('shows the distance in miles', async () => {
    const card = await cardFor(ANA, ONE_KM);
    expect(partsOf(card).root.querySelector('.distance')!.textContent!.trim()).to.equal('0.6 miles away');
  });

  it('shows the address on its lines', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const address = partsOf(card).root.querySelector<HTMLElement>('[part~="address"]')!;
    const lines = address.innerText.split('\n').map((line) => line.trim());
    expect(lines).to.deep.equal(['2400 N Clark St', 'Chicago, IL 60614']);
  });

  it('links the phone number as tel: digits and shows the fax as text', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const { root } = partsOf(card);
    const phone = root.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
    expect(phone.getAttribute('href')).to.equal('tel:3125550101');
    expect(phone.textContent!.trim()).to.equal('(312) 555-0101');
    expect(root.querySelectorAll('a[href^="tel:"]')).to.have.length(1);

    const terms = [...root.querySelectorAll('dt')].map((dt) => dt.textContent!.trim());
    const faxValue = root.querySelectorAll('dd')[terms.indexOf('Fax')];
    expect(faxValue.textContent!.trim()).to.equal('(312) 555-0102');
    expect(faxValue.querySelector('a')).to.equal(null);
  });

  it('lists languages and insurance', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const { root } = partsOf(card);
    const rows = [...root.querySelectorAll('dt')].map((dt) => [
      dt.textContent!.trim(),
      (dt.nextElementSibling as HTMLElement).textContent!.trim(),
    ]);
    expect(rows).to.deep.equal([
      ['Phone', '(312) 555-0101'],
      ['Fax', '(312) 555-0102'],
      ['Languages', 'English, Spanish'],
      ['Insurance', 'Medicare, Aetna'],
    ]);
  });

  it('links the website in a new tab without giving it the opener', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const link = partsOf(card).root.querySelector<HTMLAnchorElement>('a[href^="https:"]')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/lopez');
    expect(link.target).to.equal('_blank');
    expect(link.rel.split(/\s+/)).to.include('noopener');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Website (opens in a new tab)');
  });

  it('says in words whether the clinician accepts new patients and offers telehealth', async () => {
    const ana = await cardFor(ANA, ONE_KM);
    expect(partsOf(ana).badges()).to.deep.equal(['Accepting new patients']);
    const ben = await cardFor(BEN, ONE_KM);
    expect(partsOf(ben).badges()).to.deep.equal(['Not accepting new patients', 'Offers telehealth']);
  });

  it('shows a minimal provider without empty sections', async () => {
    const minimal: Provider = { id: 'min-1', name: 'Dana Reyes', location: { lat: 41.9, lng: -87.6 } };
    const card = await cardFor(minimal);
    const { root, title, selectButton, text } = partsOf(card);
    expect(title.textContent!.trim()).to.equal('Dana Reyes');
    expect(root.querySelector('dl')).to.equal(null);
    expect(root.querySelector('address')).to.equal(null);
    expect(root.querySelector('ul')).to.equal(null);
    expect(root.querySelector('.meta')).to.equal(null);
    expect(root.querySelector('.distance')).to.equal(null);
    expect(root.querySelector('a')).to.equal(null);
    expect(selectButton.textContent!.trim()).to.equal('Show on map');
    expect(text().trim()).to.equal('Dana Reyes Show on map');
  });

  it('fires spine-select from the list when "Show on map" is clicked', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const selection = oneEvent(card, 'spine-select') as Promise<SpineSelectEvent>;
    await clickOn(partsOf(card).selectButton);
    const event = await selection;
    expect(event.provider.id).to.equal('fx-1');
    expect(event.source).to.equal('list');
    expect(event.viaKeyboard).to.equal(false);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('says the selection came from the keyboard when "Show on map" is pressed with Enter', async () => {
    const card = await cardFor(ANA, ONE_KM);
    partsOf(card).selectButton.focus();
    const selection = oneEvent(card, 'spine-select') as Promise<SpineSelectEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await selection;
    expect(event.source).to.equal('list');
    expect(event.viaKeyboard).to.equal(true);
  });

  it('reflects `selected` in aria-pressed of "Show on map"', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const { selectButton } = partsOf(card);
    expect(selectButton.getAttribute('aria-pressed')).to.equal('false');
    card.selected = true;
    await card.updateComplete;
    expect(selectButton.getAttribute('aria-pressed')).to.equal('true');
    expect(card.hasAttribute('selected')).to.equal(true);
    card.selected = false;
    await card.updateComplete;
    expect(selectButton.getAttribute('aria-pressed')).to.equal('false');
  });

  it('selects on a click on the card body, once', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const events = recordSelections(card);
    const selection = oneEvent(card, 'spine-select') as Promise<SpineSelectEvent>;
    await clickOn(partsOf(card).title);
    const event = await selection;
    expect(event.provider.id).to.equal('fx-1');
    expect(event.source).to.equal('list');
    expect(event.viaKeyboard).to.equal(false);
    expect(events).to.have.length(1);
  });

  it('does not select on a click on a link', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const events = recordSelections(card);
    const clicks: EventTarget[] = [];
    // Keep the browser from following the link: only the card's reaction matters here.
    card.addEventListener('click', (event) => {
      clicks.push(event.composedPath()[0]);
      event.preventDefault();
    });
    const { root } = partsOf(card);
    const website = root.querySelector<HTMLAnchorElement>('a[href^="https:"]')!;
    const phone = root.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
    await clickOn(website);
    await clickOn(phone);
    // A click on the body afterwards still selects, so the listener was live.
    await clickOn(partsOf(card).title);
    expect(clicks).to.deep.equal([website, phone, partsOf(card).title]);
    expect(events).to.have.length(1);
  });

  it('uses heading-level for the aria-level of the name', async () => {
    const card = await fixture<SpineProviderCard>(
      html`<spine-provider-card heading-level="2" .provider=${ANA}></spine-provider-card>`,
    );
    const { title } = partsOf(card);
    expect(title.getAttribute('aria-level')).to.equal('2');
    card.setAttribute('heading-level', '4');
    await card.updateComplete;
    expect(title.getAttribute('aria-level')).to.equal('4');
    card.setAttribute('heading-level', '9');
    await card.updateComplete;
    expect(title.getAttribute('aria-level')).to.equal('6');
  });
});
