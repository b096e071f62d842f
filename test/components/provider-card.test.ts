import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineProviderCard } from '../../src/components/provider-card/provider-card.js';
import { ProviderSchema } from '../../src/directory/schema.js';
import type { Provider, QualityMeasure } from '../../src/directory/schema.js';
import type { SpineReferralToggleEvent, SpineSelectEvent } from '../../src/events.js';

const [ANA, BEN, , DAVID] = SAMPLE_PROVIDERS;

// 1 km is 0.62 miles.
const ONE_KM = 1;

const YEAR_2025 = { start: '2025-01', end: '2025-12' };

async function cardFor(provider: Provider, distanceKm?: number): Promise<SpineProviderCard> {
  return fixture<SpineProviderCard>(
    html`<spine-provider-card .provider=${provider} .distanceKm=${distanceKm}></spine-provider-card>`,
  );
}

/** A card inside an element with `lang`, as on a page in that language. */
async function cardIn(lang: string, provider: Provider): Promise<SpineProviderCard> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><spine-provider-card .provider=${provider}></spine-provider-card></div>`,
  );
  const card = wrapper.querySelector<SpineProviderCard>('spine-provider-card')!;
  await card.updateComplete;
  return card;
}

function partsOf(card: SpineProviderCard) {
  const root = card.shadowRoot!;
  const part = <T extends HTMLElement = HTMLElement>(name: string) => root.querySelector<T>(`[part~="${name}"]`);
  return {
    root,
    title: part('title')!,
    selectButton: part<HTMLButtonElement>('select-button')!,
    referralButton: part<HTMLButtonElement>('referral-button')!,
    detailsButton: () => part<HTMLButtonElement>('details-button'),
    details: () => part('details'),
    quality: () => part('quality'),
    explainButton: () => part<HTMLButtonElement>('explain-button'),
    explanation: () => part('explanation'),
    locations: () => [...root.querySelectorAll<HTMLElement>('[part~="location"]')],
    badges: () => [...root.querySelectorAll<HTMLElement>('[part~="badge"]')].map(readable),
    /** The contact list of the collapsed card: phone, fax, languages. */
    contactRows: () => rowsOf(root.querySelector('article > dl')!),
    text: () => readable(root),
  };
}

/**
 * Text as a person reads it: Intl puts narrow and thin no-break spaces
 * around AM/PM, en dashes and percent signs; they read as spaces.
 */
function readable(node: Node): string {
  return node
    .textContent!.replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each term of a description list with its value, lines of a value joined by a space. */
function rowsOf(list: Element): string[][] {
  const shown = (element: Element) => readable(document.createTextNode((element as HTMLElement).innerText));
  return [...list.querySelectorAll(':scope > dt')].map((dt) => [shown(dt), shown(dt.nextElementSibling!)]);
}

/** The lines of an address as they are shown. */
function addressLines(container: ParentNode): string[] {
  return container
    .querySelector<HTMLElement>('[part~="address"]')!
    .innerText.split('\n')
    .map((line) => line.trim());
}

/** Clicks the middle of an element with the real mouse, scrolled into view. */
async function clickOn(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Collects the spine-select events a card fires. */
function recordSelections(card: SpineProviderCard): SpineSelectEvent[] {
  const events: SpineSelectEvent[] = [];
  card.addEventListener('spine-select', (event) => events.push(event));
  return events;
}

/** Collects the spine-referral-toggle events a card fires. */
function recordReferrals(card: SpineProviderCard): SpineReferralToggleEvent[] {
  const events: SpineReferralToggleEvent[] = [];
  card.addEventListener('spine-referral-toggle', (event) => events.push(event));
  return events;
}

/** Focuses a button and presses a key on it, as a keyboard user would. */
async function press(button: HTMLElement, key: 'Enter' | ' '): Promise<void> {
  button.focus();
  await sendKeys({ press: key === ' ' ? 'Space' : key });
}

async function openDetails(card: SpineProviderCard): Promise<void> {
  partsOf(card).detailsButton()!.click();
  await card.updateComplete;
}

function withQuality(quality: QualityMeasure[], rest: Partial<Provider> = {}): Provider {
  return { id: 'q-1', name: 'Rosa Silva', location: { lat: 41.9, lng: -87.6 }, quality, ...rest };
}

describe('<spine-provider-card>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('is accessible', async () => {
    const card = await cardFor(ANA, ONE_KM);
    await expect(card).to.be.accessible();
  });

  it('is accessible with its details and the explanation of outcomes open, in Spanish too', async () => {
    for (const lang of ['en', 'es']) {
      const card = await cardIn(lang, ANA);
      card.onReferral = true;
      await openDetails(card);
      partsOf(card).explainButton()!.click();
      await card.updateComplete;
      expect(partsOf(card).locations()).to.have.length(2);
      expect(partsOf(card).explanation()!.hidden).to.equal(false);
      await expect(card).to.be.accessible();
    }
  });

  it('makes every link and button a target of at least 24 by 24 px', async () => {
    const card = await cardFor(ANA, ONE_KM);
    await openDetails(card);
    partsOf(card).explainButton()!.click();
    await card.updateComplete;
    const targets = [...partsOf(card).root.querySelectorAll('a, button')];
    expect(targets).to.have.length(15);
    for (const target of targets) {
      const { width, height } = target.getBoundingClientRect();
      expect(Math.min(width, height), target.textContent!).to.be.at.least(24);
    }
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
    expect(addressLines(partsOf(card).root)).to.deep.equal(['2400 N Clark St', 'Chicago, IL 60614']);
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

  it('lists phone, fax and languages on the collapsed card, and leaves insurance to the details', async () => {
    const card = await cardFor(ANA, ONE_KM);
    expect(partsOf(card).contactRows()).to.deep.equal([
      ['Phone', '(312) 555-0101'],
      ['Fax', '(312) 555-0102'],
      ['Languages', 'English, Spanish'],
    ]);
    expect(partsOf(card).text()).not.to.include('Medicare');
  });

  it('links an e-mail address with mailto: and the address alone, after the fax', async () => {
    const card = await cardFor({ ...ANA, email: 'front.desk+spine@example.org' }, ONE_KM);
    expect(partsOf(card).contactRows()).to.deep.equal([
      ['Phone', '(312) 555-0101'],
      ['Fax', '(312) 555-0102'],
      ['Email', 'front.desk+spine@example.org'],
      ['Languages', 'English, Spanish'],
    ]);
    const link = partsOf(card).root.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
    expect(link.getAttribute('href')).to.equal('mailto:front.desk%2Bspine@example.org');
  });

  it('links the website in a new tab without giving it the opener', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const link = partsOf(card).root.querySelector<HTMLAnchorElement>('.actions a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/lopez');
    expect(link.target).to.equal('_blank');
    expect(link.rel.split(/\s+/)).to.include('noopener');
    expect(readable(link)).to.equal('Website (opens in a new tab)');
  });

  it('says in words whether the clinician accepts new patients, offers telehealth and takes part in the registry', async () => {
    const ana = await cardFor(ANA, ONE_KM);
    expect(partsOf(ana).badges()).to.deep.equal([
      'Accepting new patients',
      'Spine IQ registry participant (opens in a new tab)',
    ]);
    const ben = await cardFor(BEN, ONE_KM);
    expect(partsOf(ben).badges()).to.deep.equal(['Not accepting new patients', 'Offers telehealth']);
  });

  describe('registry participation', () => {
    it('links the badge to the registry profile in a new tab', async () => {
      const card = await cardFor(ANA);
      const badge = partsOf(card).root.querySelector('.badge.registry')!;
      const link = badge.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://example.org/registry/lopez');
      expect(link.target).to.equal('_blank');
      expect(link.rel.split(/\s+/)).to.include.members(['noopener', 'noreferrer']);
      expect(readable(link)).to.equal('Spine IQ registry participant (opens in a new tab)');
    });

    it('is a badge of plain text without a profile, and absent for a clinician who does not take part', async () => {
      const plain = await cardFor({ ...BEN, registry: { participant: true } });
      expect(partsOf(plain).badges()).to.deep.equal([
        'Not accepting new patients',
        'Offers telehealth',
        'Spine IQ registry participant',
      ]);
      expect(partsOf(plain).root.querySelector('.badge.registry a')).to.equal(null);

      const not = await cardFor({ ...BEN, registry: { participant: false, profileUrl: 'https://example.org/x' } });
      expect(partsOf(not).badges()).to.deep.equal(['Not accepting new patients', 'Offers telehealth']);
      expect(partsOf(not).text()).not.to.include('registry');
    });

    it('drops a profile link that is not http(s), keeping the badge', async () => {
      const provider = ProviderSchema.parse({
        ...BEN,
        registry: { participant: true, profileUrl: 'javascript:alert(1)' },
      });
      const card = await cardFor(provider);
      expect(partsOf(card).badges()).to.include('Spine IQ registry participant');
      expect(partsOf(card).root.querySelector('a[href^="javascript"]')).to.equal(null);
    });

    it('speaks Spanish', async () => {
      const card = await cardIn('es', ANA);
      expect(partsOf(card).badges()).to.deep.equal([
        'Acepta pacientes nuevos',
        'Participa en el registro Spine IQ (se abre en una pestaña nueva)',
      ]);
    });
  });

  describe('outcome measures', () => {
    it('shows each measure by name, with its share, its patients and its period', async () => {
      const card = await cardFor(ANA);
      const quality = partsOf(card).quality()!;
      expect(readable(quality.querySelector('.label')!)).to.equal('Patient outcomes');
      expect(rowsOf(quality.querySelector('dl')!)).to.deep.equal([
        ['Meaningful improvement in pain interference', '72% of 200 patients, January – December 2025'],
        ['Meaningful improvement in physical function', '64% of 150 patients, January – December 2025'],
      ]);
    });

    it('shows them in Spanish', async () => {
      const card = await cardIn('es', ANA);
      const quality = partsOf(card).quality()!;
      expect(readable(quality.querySelector('.label')!)).to.equal('Resultados de los pacientes');
      expect(rowsOf(quality.querySelector('dl')!)).to.deep.equal([
        ['Mejora importante en la interferencia del dolor', '72 % de 200 pacientes, enero–diciembre de 2025'],
        ['Mejora importante en la función física', '64 % de 150 pacientes, enero–diciembre de 2025'],
      ]);
      expect(readable(partsOf(card).explainButton()!)).to.equal('¿Qué significa esto?');
    });

    it('shows nothing about outcomes when the clinician has none', async () => {
      for (const provider of [BEN, withQuality([]), SAMPLE_PROVIDERS[2]]) {
        const card = await cardFor(provider);
        const { quality, explainButton, text } = partsOf(card);
        expect(quality()).to.equal(null);
        expect(explainButton()).to.equal(null);
        expect(text()).not.to.match(/%|outcome|of \d+ patients|What does this mean/i);
      }
    });

    it('names an unknown measure by the directory’s label, and leaves it out without one', async () => {
      const card = await cardFor(
        withQuality([
          {
            measure: 'return-to-work',
            label: 'Back at work within 90 days',
            share: 0.5,
            patients: 40,
            period: YEAR_2025,
          },
          { measure: 'mystery-score', share: 0.9, patients: 55, period: YEAR_2025 },
          { measure: 'constructor', share: 0.8, patients: 60, period: YEAR_2025 },
        ]),
      );
      expect(rowsOf(partsOf(card).quality()!.querySelector('dl')!)).to.deep.equal([
        ['Back at work within 90 days', '50% of 40 patients, January – December 2025'],
      ]);
      expect(partsOf(card).text()).not.to.match(/90%|55 patients|80%|60 patients/);
    });

    it('shows no section at all when no measure can be named', async () => {
      const card = await cardFor(
        withQuality([{ measure: 'mystery-score', share: 0.9, patients: 55, period: YEAR_2025 }]),
      );
      expect(partsOf(card).quality()).to.equal(null);
      expect(partsOf(card).text()).not.to.include('%');
    });

    it('keeps small samples and near-certain shares honest', async () => {
      const card = await cardFor(
        withQuality([
          { measure: 'function-improvement', share: 0.999, patients: 3, period: YEAR_2025 },
          { measure: 'pain-interference-improvement', share: 1, patients: 1, period: YEAR_2025 },
        ]),
      );
      expect(rowsOf(partsOf(card).quality()!.querySelector('dl')!).map(([, value]) => value)).to.deep.equal([
        '99.9% of 3 patients, January – December 2025',
        '100% of 1 patient, January – December 2025',
      ]);
    });

    it('explains the measures behind a disclosure that works with Enter and Space and keeps focus', async () => {
      const card = await cardFor(ANA);
      const button = partsOf(card).explainButton()!;
      const panel = partsOf(card).explanation()!;
      expect(readable(button)).to.equal('What does this mean?');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(panel.id);
      expect(panel.hidden).to.equal(true);
      expect(panel.checkVisibility()).to.equal(false);

      await press(button, 'Enter');
      await card.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.checkVisibility()).to.equal(true);
      expect(card.shadowRoot!.activeElement).to.equal(button);
      const paragraphs = [...panel.querySelectorAll('p')].map(readable);
      expect(paragraphs).to.have.length(5);
      expect(paragraphs[0]).to.match(/^Each percentage is the share of this clinician’s patients/);
      expect(paragraphs[1]).to.match(/^Pain interference is how much pain gets in the way of daily life/);
      expect(paragraphs[2]).to.match(/^Physical function is how well someone can do everyday physical activities/);
      expect(paragraphs[3]).to.match(/^Results vary from person to person\./);
      expect(paragraphs[4]).to.equal(
        'A clinician with no results shown has simply not reported any. That says nothing about the quality of their care.',
      );

      await press(button, ' ');
      await card.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(panel.checkVisibility()).to.equal(false);
      expect(card.shadowRoot!.activeElement).to.equal(button);
    });

    it('explains only the measures shown, in Spanish too', async () => {
      const card = await cardIn(
        'es',
        withQuality([
          { measure: 'function-improvement', share: 0.6, patients: 30, period: YEAR_2025 },
          { measure: 'return-to-work', label: 'Vuelta al trabajo', share: 0.5, patients: 40, period: YEAR_2025 },
        ]),
      );
      partsOf(card).explainButton()!.click();
      await card.updateComplete;
      const paragraphs = [...partsOf(card).explanation()!.querySelectorAll('p')].map(readable);
      expect(paragraphs).to.have.length(4);
      expect(paragraphs[0]).to.match(/^Cada porcentaje es la parte de los pacientes de este profesional/);
      expect(paragraphs[1]).to.match(/^La función física es la capacidad/);
      expect(paragraphs[2]).to.match(/^Los resultados varían de una persona a otra\./);
      expect(paragraphs[3]).to.equal(
        'Si un profesional no muestra resultados, es simplemente porque no ha informado ninguno. Eso no dice nada ' +
          'sobre la calidad de su atención.',
      );
    });
  });

  describe('referral sheet', () => {
    it('asks to add the clinician, and says so once they are on the sheet', async () => {
      const card = await cardFor(ANA);
      const { referralButton } = partsOf(card);
      expect(readable(referralButton)).to.equal('Add to referral sheet');
      expect(referralButton.getAttribute('aria-pressed')).to.equal('false');
      card.onReferral = true;
      await card.updateComplete;
      expect(readable(referralButton)).to.equal('On referral sheet');
      expect(referralButton.getAttribute('aria-pressed')).to.equal('true');
      expect(card.hasAttribute('onreferral')).to.equal(false);
    });

    it('fires spine-referral-toggle to add, and to take off, leaving the state to whoever keeps the sheet', async () => {
      const card = await cardFor(ANA);
      const selections = recordSelections(card);
      const { referralButton } = partsOf(card);

      const adding = oneEvent(card, 'spine-referral-toggle') as Promise<SpineReferralToggleEvent>;
      await clickOn(referralButton);
      const added = await adding;
      expect(added.provider.id).to.equal('fx-1');
      expect(added.included).to.equal(true);
      expect(added.bubbles).to.equal(true);
      expect(added.composed).to.equal(true);
      await card.updateComplete;
      expect(referralButton.getAttribute('aria-pressed')).to.equal('false');

      card.onReferral = true;
      await card.updateComplete;
      const removing = oneEvent(card, 'spine-referral-toggle') as Promise<SpineReferralToggleEvent>;
      await press(referralButton, ' ');
      expect((await removing).included).to.equal(false);
      expect(card.shadowRoot!.activeElement).to.equal(referralButton);
      expect(selections).to.have.length(0);
    });

    it('works with Enter and speaks Spanish', async () => {
      const card = await cardIn('es', ANA);
      const events = recordReferrals(card);
      const { referralButton } = partsOf(card);
      expect(readable(referralButton)).to.equal('Agregar a la hoja de referido');
      await press(referralButton, 'Enter');
      expect(events.map((event) => event.included)).to.deep.equal([true]);
      card.onReferral = true;
      await card.updateComplete;
      expect(readable(referralButton)).to.equal('En la hoja de referido');
    });
  });

  describe('details', () => {
    it('opens and closes with Enter and Space, keeping focus on the button', async () => {
      const card = await cardFor(ANA);
      const button = partsOf(card).detailsButton()!;
      const details = partsOf(card).details()!;
      expect(readable(button)).to.equal('More details');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(details.id);
      expect(details.checkVisibility()).to.equal(false);
      const selections = recordSelections(card);

      await press(button, 'Enter');
      await card.updateComplete;
      expect(readable(button)).to.equal('Fewer details');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(details.checkVisibility()).to.equal(true);
      expect(card.detailsOpen).to.equal(true);
      expect(card.shadowRoot!.activeElement).to.equal(button);

      await press(button, ' ');
      await card.updateComplete;
      expect(readable(button)).to.equal('More details');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(details.checkVisibility()).to.equal(false);
      expect(card.shadowRoot!.activeElement).to.equal(button);
      expect(selections).to.have.length(0);
    });

    it('lists every location, the main one first, with address, phone, fax and hours', async () => {
      const card = await cardFor(ANA);
      await openDetails(card);
      const details = partsOf(card).details()!;
      expect(readable(details.querySelector('.label')!)).to.equal('Locations');
      const [main, other] = partsOf(card).locations();
      expect(partsOf(card).locations()).to.have.length(2);

      expect(readable(main.querySelector('.practice')!)).to.equal('Lincoln Park Chiropractic');
      expect(addressLines(main)).to.deep.equal(['2400 N Clark St', 'Chicago, IL 60614']);
      expect(rowsOf(main.querySelector('dl')!).slice(0, 3)).to.deep.equal([
        ['Phone', '(312) 555-0101'],
        ['Fax', '(312) 555-0102'],
        ['Hours', 'Mon–Fri 8:00 AM – 5:00 PM Sat 9:00 AM – 12:00 PM'],
      ]);
      expect([...main.querySelectorAll('dd ul:not(.directions) li')].map(readable)).to.deep.equal([
        'Mon–Fri 8:00 AM – 5:00 PM',
        'Sat 9:00 AM – 12:00 PM',
      ]);

      expect(readable(other.querySelector('.practice')!)).to.equal('Lincoln Park Chiropractic Evanston');
      expect(addressLines(other)).to.deep.equal(['1601 Sherman Ave', 'Suite 210', 'Evanston, IL 60201']);
      expect(other.querySelector('a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:8475550103');
      expect(rowsOf(other.querySelector('dl')!).slice(0, 2)).to.deep.equal([
        ['Phone', '(847) 555-0103'],
        ['Hours', 'Tue 10:00 AM – 6:00 PM Thu 10:00 AM – 6:00 PM'],
      ]);
    });

    it('shows the full insurance list', async () => {
      const plans = ['Medicare', 'Medicaid', 'Aetna', 'Blue Cross Blue Shield', 'Cigna', 'Humana', 'Tricare'];
      const card = await cardFor({ ...ANA, insurance: plans });
      await openDetails(card);
      const insurance = rowsOf(partsOf(card).details()!.querySelector(':scope > dl')!);
      expect(insurance).to.deep.equal([['Insurance', plans.join(', ')]]);
    });

    it('gives hours in Spanish with the 24-hour clock, and in British English', async () => {
      const spanish = await cardIn('es', ANA);
      await openDetails(spanish);
      expect(readable(partsOf(spanish).details()!.querySelector('.label')!)).to.equal('Ubicaciones');
      expect(
        [...partsOf(spanish).locations()[0].querySelectorAll('dd ul:not(.directions) li')].map(readable),
      ).to.deep.equal(['lun–vie 8:00–17:00', 'sáb 9:00–12:00']);
      const british = await cardIn('en-GB', BEN);
      await openDetails(british);
      expect(readable(partsOf(british).details()!.querySelector('.label')!)).to.equal('Location');
      expect(
        [...partsOf(british).locations()[0].querySelectorAll('dd ul:not(.directions) li')].map(readable),
      ).to.deep.equal(['Mon–Thu 07:00–19:00', 'Fri 07:00–15:00']);
    });

    it('links directions from the address in Google Maps, Apple Maps and OpenStreetMap, in a new tab', async () => {
      const card = await cardFor(ANA);
      await openDetails(card);
      const links = [...partsOf(card).locations()[0].querySelectorAll<HTMLAnchorElement>('[part~="directions"] a')];
      const destination = '2400%20N%20Clark%20St%2C%20Chicago%2C%20IL%2060614';
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
        `https://www.google.com/maps/dir/?api=1&destination=${destination}`,
        `https://maps.apple.com/?daddr=${destination}`,
        `https://www.openstreetmap.org/directions?to=${destination}`,
      ]);
      expect(links.map(readable)).to.deep.equal([
        'Google Maps (opens in a new tab)',
        'Apple Maps (opens in a new tab)',
        'OpenStreetMap (opens in a new tab)',
      ]);
      for (const link of links) {
        expect(link.target).to.equal('_blank');
        expect(link.rel.split(/\s+/)).to.include.members(['noopener', 'noreferrer']);
      }
      // The other location's directions lead to its own address, without the suite.
      const other = partsOf(card).locations()[1].querySelector<HTMLAnchorElement>('[part~="directions"] a')!;
      expect(other.getAttribute('href')).to.equal(
        'https://www.google.com/maps/dir/?api=1&destination=1601%20Sherman%20Ave%2C%20Evanston%2C%20IL%2060201',
      );
    });

    it('keeps an address holding HTML as text, and encoded in the directions links', async () => {
      const line1 = '<img src=x onerror="window.hacked=1">12 Main St & Co?#top';
      const card = await cardFor({ ...ANA, address: { line1, city: 'Chicago', state: 'IL' } });
      await openDetails(card);
      const main = partsOf(card).locations()[0];
      expect(main.querySelector('img')).to.equal(null);
      expect(addressLines(main)[0]).to.equal(line1);
      const hrefs = [...main.querySelectorAll('[part~="directions"] a')].map((link) => link.getAttribute('href')!);
      const encoded =
        '%3Cimg%20src%3Dx%20onerror%3D%22window.hacked%3D1%22%3E12%20Main%20St%20%26%20Co%3F%23top%2C%20Chicago%2C%20IL';
      expect(hrefs).to.deep.equal([
        `https://www.google.com/maps/dir/?api=1&destination=${encoded}`,
        `https://maps.apple.com/?daddr=${encoded}`,
        `https://www.openstreetmap.org/directions?to=${encoded}`,
      ]);
      expect(new URL(hrefs[0]).searchParams.get('destination')).to.equal(`${line1}, Chicago, IL`);
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    });

    it('still renders directions for an address with a broken character', async () => {
      const card = await cardFor({ ...ANA, address: { line1: '12 Main St \uD800', city: 'Chicago' } });
      await openDetails(card);
      const href = partsOf(card).locations()[0].querySelector('[part~="directions"] a')!.getAttribute('href');
      expect(href).to.equal(
        'https://www.google.com/maps/dir/?api=1&destination=12%20Main%20St%20%EF%BF%BD%2C%20Chicago',
      );
    });

    it('lists no locations when none says anything, and skips empty other locations', async () => {
      const insured = await cardFor({ ...DAVID, address: undefined, insurance: ['Medicare'] });
      await openDetails(insured);
      expect(partsOf(insured).locations()).to.have.length(0);
      expect(readable(partsOf(insured).details()!)).to.equal('Insurance Medicare');

      const elsewhere = await cardFor({ ...DAVID, otherLocations: [{}, { phone: '(847) 555-0109' }] });
      await openDetails(elsewhere);
      expect(partsOf(elsewhere).locations().map(readable)).to.deep.equal([
        'Evanston, IL 60201',
        'Phone (847) 555-0109',
      ]);
      expect(readable(partsOf(elsewhere).details()!.querySelector('.label')!)).to.equal('Locations');
    });

    it('offers no directions without a street, and no details button when there is nothing more to show', async () => {
      const card = await cardFor(DAVID);
      expect(partsOf(card).detailsButton()).to.equal(null);
      expect(partsOf(card).details()).to.equal(null);

      const withHours = await cardFor({ ...DAVID, hours: [{ days: ['mon'], opens: '09:00', closes: '17:00' }] });
      await openDetails(withHours);
      const [main] = partsOf(withHours).locations();
      expect(addressLines(main)).to.deep.equal(['Evanston, IL 60201']);
      expect(main.querySelector('[part~="directions"]')).to.equal(null);
      expect(rowsOf(main.querySelector('dl')!)).to.deep.equal([['Hours', 'Mon 9:00 AM – 5:00 PM']]);
    });
  });

  it('never turns text from the directory into HTML', async () => {
    const tag = (name: string) => `<${name} id="injected" onclick="window.hacked=1">x</${name}>`;
    const provider = ProviderSchema.parse({
      id: 'evil-1',
      name: tag('img'),
      location: { lat: 41.9, lng: -87.6 },
      credentials: [tag('b')],
      practice: tag('script'),
      address: { line1: tag('iframe'), city: tag('a') },
      phone: tag('svg'),
      fax: tag('style'),
      languages: [tag('i')],
      insurance: [tag('u')],
      otherLocations: [{ practice: tag('object'), address: { line1: tag('embed') }, phone: tag('form') }],
      registry: { participant: true, profileUrl: 'data:text/html,<script>alert(1)</script>' },
      quality: [{ measure: tag('em'), label: tag('strong'), share: 0.5, patients: 10, period: YEAR_2025 }],
    });
    const card = await cardFor(provider);
    await openDetails(card);
    partsOf(card).explainButton()!.click();
    await card.updateComplete;
    const { root, text } = partsOf(card);
    expect(root.querySelector('#injected')).to.equal(null);
    for (const name of [
      'img',
      'b',
      'script',
      'iframe',
      'svg',
      'style',
      'i',
      'u',
      'object',
      'embed',
      'form',
      'strong',
    ]) {
      expect(text()).to.include(tag(name));
    }
    expect([...root.querySelectorAll('a')].every((link) => /^(https:|tel:)/.test(link.getAttribute('href')!))).to.equal(
      true,
    );
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('shows a minimal provider without empty sections', async () => {
    const minimal: Provider = { id: 'min-1', name: 'Dana Reyes', location: { lat: 41.9, lng: -87.6 } };
    const card = await cardFor(minimal);
    const { root, title, selectButton, referralButton, text } = partsOf(card);
    expect(title.textContent!.trim()).to.equal('Dana Reyes');
    expect(root.querySelector('dl')).to.equal(null);
    expect(root.querySelector('address')).to.equal(null);
    expect(root.querySelector('ul')).to.equal(null);
    expect(root.querySelector('.meta')).to.equal(null);
    expect(root.querySelector('.distance')).to.equal(null);
    expect(root.querySelector('a')).to.equal(null);
    expect(root.querySelector('[part~="quality"]')).to.equal(null);
    expect(root.querySelector('[part~="details-button"]')).to.equal(null);
    expect(selectButton.textContent!.trim()).to.equal('Show on map');
    expect(referralButton.textContent!.trim()).to.equal('Add to referral sheet');
    expect(text()).to.equal('Dana Reyes Show on map Add to referral sheet');
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

  it('does not select on a click on a link or on its other buttons', async () => {
    const card = await cardFor(ANA, ONE_KM);
    const events = recordSelections(card);
    const clicks: EventTarget[] = [];
    // Keep the browser from following the link: only the card's reaction matters here.
    card.addEventListener('click', (event) => {
      clicks.push(event.composedPath()[0]);
      event.preventDefault();
    });
    const { root, referralButton, detailsButton, explainButton } = partsOf(card);
    const website = root.querySelector<HTMLAnchorElement>('.actions a')!;
    const phone = root.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
    for (const target of [website, phone, referralButton, explainButton()!, detailsButton()!]) await clickOn(target);
    // A click on the body afterwards still selects, so the listener was live.
    await clickOn(partsOf(card).title);
    expect(clicks).to.have.length(6);
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
