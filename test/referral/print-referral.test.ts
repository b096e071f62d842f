import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { Provider } from '../../src/directory/schema.js';
import { buildReferralSheet, printReferralSheet } from '../../src/referral/referral-exports.js';
import { framesInPage, watchPrinting } from './print-frames.js';
import type { PrintWatch } from './print-frames.js';

const [ANA, BEN, CARLA] = SAMPLE_PROVIDERS;
const DATE = new Date(2026, 10, 27);

const ABOUT_EN =
  'A Primary Spine Practitioner is a clinician trained to assess and treat low back pain and neck pain without ' +
  'surgery. They are often the first clinician to see for these problems. Care usually combines exercise, manual ' +
  'therapy (hands-on treatment) and advice on staying active and managing pain. If you need tests or a different ' +
  'kind of care, they will refer you to another clinician.';

const HOSTILE: Provider = {
  id: 'evil-1',
  name: '<img src=x onerror="window.__referralPwned = true">Eve',
  credentials: ['<script>window.__referralPwned = true</script>'],
  practice: '<b>Bold</b> & Co',
  address: { line1: '<a href="javascript:window.__referralPwned = true">1 Main St</a>' },
  phone: '<svg onload="window.__referralPwned = true">',
  fax: '"><iframe src=javascript:alert(1)>',
  // Not an http(s) link: a host passed this object without validating it.
  website: 'javascript:window.__referralPwned = true',
  languages: ['<u>English</u>'],
  location: { lat: 41.9, lng: -87.6 },
};

/** The sheet in the page, so its text reads as laid out. */
async function sheetFor(providers: readonly Provider[], lang = 'en'): Promise<HTMLElement> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(buildReferralSheet(providers, { lang, date: DATE }));
  return container.querySelector('main')!;
}

/** What a person reads, one line per line of the sheet. */
function linesOf(element: HTMLElement): string[] {
  return element.innerText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The clinician sections' details as "term: value" pairs. */
function detailsOf(clinician: Element): string[] {
  return [...clinician.querySelectorAll('dt')].map(
    (dt) => `${dt.textContent}: ${(dt.nextElementSibling as HTMLElement).textContent}`,
  );
}

describe('buildReferralSheet', () => {
  it('is accessible', async () => {
    const sheet = await sheetFor([ANA, BEN]);
    await expect(sheet.parentElement).to.be.accessible();
  });

  it('reads, for one clinician: heading, date, what a Primary Spine Practitioner does, the clinician, notes', async () => {
    const sheet = await sheetFor([ANA]);
    expect(linesOf(sheet)).to.deep.equal([
      'Referral: Primary Spine Practitioners',
      'Date: November 27, 2026',
      'What a Primary Spine Practitioner does',
      ABOUT_EN,
      'Contact details',
      'Ana Lopez, DC',
      'Chiropractic',
      'Lincoln Park Chiropractic',
      'Accepting new patients',
      '2400 N Clark St',
      'Chicago, IL 60614',
      'Phone',
      '(312) 555-0101',
      'Fax',
      '(312) 555-0102',
      'Website',
      'https://example.org/lopez',
      'Languages',
      'English, Spanish',
      'Notes',
    ]);
    expect([...sheet.querySelectorAll('h1, h2, h3')].map((h) => h.localName)).to.deep.equal([
      'h1',
      'h2',
      'h2',
      'h3',
      'h2',
    ]);
  });

  it('gives several clinicians a section each, in order, with only the details they have', async () => {
    const sheet = await sheetFor([ANA, BEN, CARLA]);
    const clinicians = [...sheet.querySelectorAll('article')];
    expect(clinicians.map((article) => article.querySelector('h3')!.textContent)).to.deep.equal([
      'Ana Lopez, DC',
      'Ben Okafor, PT, DPT',
      'Carla Nguyen, DO',
    ]);
    expect(detailsOf(clinicians[0])).to.deep.equal([
      'Phone: (312) 555-0101',
      'Fax: (312) 555-0102',
      'Website: https://example.org/lopez',
      'Languages: English, Spanish',
    ]);
    expect(linesOf(clinicians[1])).to.deep.equal([
      'Ben Okafor, PT, DPT',
      'Physical therapy',
      'Halsted Spine & Rehab',
      'Not accepting new patients',
      '1900 N Halsted St',
      'Chicago, IL 60614',
      'Phone',
      '(312) 555-0111',
    ]);
    // Only a name and a discipline: no empty address or list.
    expect(linesOf(clinicians[2])).to.deep.equal(['Carla Nguyen, DO', 'Osteopathic medicine']);
    expect(clinicians[2].querySelector('address, dl')).to.equal(null);
  });

  it('reads in Spanish, with the date as Spanish writes it', async () => {
    const sheet = await sheetFor([ANA, BEN], 'es');
    const lines = linesOf(sheet);
    expect(sheet.lang).to.equal('es');
    expect(lines.slice(0, 4)).to.deep.equal([
      'Referido: profesionales de atención primaria de la columna',
      'Fecha: 27 de noviembre de 2026',
      'Qué hace un profesional de atención primaria de la columna',
      'Un profesional de atención primaria de la columna está capacitado para evaluar y tratar sin cirugía el ' +
        'dolor en la parte baja de la espalda y el dolor de cuello. Con frecuencia es el primer profesional que se ' +
        'consulta por estos problemas. La atención suele combinar ejercicio, terapia manual (tratamiento con las ' +
        'manos) y consejos para seguir con sus actividades y manejar el dolor. Si necesita pruebas u otro tipo de ' +
        'atención, le referirá a otro profesional.',
    ]);
    expect(lines).to.include.members(['Datos de contacto', 'Notas', 'Quiropráctica', 'Fisioterapia']);
    const [ana, ben] = sheet.querySelectorAll('article');
    expect(linesOf(ana)).to.include('Acepta pacientes nuevos');
    expect(detailsOf(ana)).to.deep.equal([
      'Teléfono: (312) 555-0101',
      'Fax: (312) 555-0102',
      'Sitio web: https://example.org/lopez',
      'Idiomas: English, Spanish',
    ]);
    expect(linesOf(ben)).to.include('No acepta pacientes nuevos');
  });

  it('links phones as tel: digits and websites as themselves, and nothing else', async () => {
    const sheet = await sheetFor([ANA, BEN]);
    expect([...sheet.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'tel:3125550101',
      'https://example.org/lopez',
      'tel:3125550111',
    ]);
  });

  it('keeps HTML and script in the data as text', async () => {
    const sheet = await sheetFor([HOSTILE]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const clinician = sheet.querySelector('article')!;
    expect(clinician.querySelector('h3')!.textContent).to.equal(
      '<img src=x onerror="window.__referralPwned = true">Eve, <script>window.__referralPwned = true</script>',
    );
    expect(linesOf(clinician)).to.deep.equal([
      '<img src=x onerror="window.__referralPwned = true">Eve, <script>window.__referralPwned = true</script>',
      '<b>Bold</b> & Co',
      '<a href="javascript:window.__referralPwned = true">1 Main St</a>',
      'Phone',
      '<svg onload="window.__referralPwned = true">',
      'Fax',
      '"><iframe src=javascript:alert(1)>',
      'Languages',
      '<u>English</u>',
    ]);
    expect(clinician.querySelectorAll('img, script, b, svg, iframe, u, a')).to.have.length(0);
    expect((window as { __referralPwned?: boolean }).__referralPwned).to.equal(undefined);
  });
});

describe('printReferralSheet', () => {
  let watch: PrintWatch;
  afterEach(() => {
    watch.stop();
    for (const frame of framesInPage()) frame.remove();
  });

  it('prints the sheet from a hidden frame of its own, then removes the frame', async () => {
    watch = watchPrinting({ print: 'dialog' });
    const done = printReferralSheet([ANA, BEN], { lang: 'en', date: DATE });

    expect(watch.printed).to.have.length(1);
    const [printed] = watch.printed;
    expect(printed.connected).to.equal(true);
    expect(printed.frame.parentElement).to.equal(document.body);
    expect(printed.size).to.deep.equal({ width: 0, height: 0 });
    expect(printed.frame.inert).to.equal(true);
    expect(printed.url).to.equal('about:blank');
    // The title is what "Save as PDF" names the file.
    expect(printed.title).to.equal('Referral: Primary Spine Practitioners');
    expect(printed.lang).to.equal('en');
    const lines = printed.text.split('\n').map((line) => line.trim());
    expect(lines).to.include.members([
      'Referral: Primary Spine Practitioners',
      'Date: November 27, 2026',
      ABOUT_EN,
      'Ana Lopez, DC',
      '(312) 555-0101',
      '(312) 555-0102',
      'Ben Okafor, PT, DPT',
      '(312) 555-0111',
      'Notes',
    ]);
    // Nothing of the host page is printed.
    expect(printed.body.children).to.have.length(1);
    expect(printed.body.firstElementChild!.className).to.equal('referral-sheet');

    await done;
    expect(printed.frame.isConnected).to.equal(false);
    expect(framesInPage()).to.have.length(0);
  });

  it('styles the sheet for paper: @page margins, black 11.5pt type on white, no backgrounds', async () => {
    watch = watchPrinting({ print: 'dialog' });
    let computed: { color: string; background: string; fontSize: string } | undefined;
    // Read the frame's styles while it is still in the page.
    const observer = new MutationObserver(() => {
      const frame = framesInPage()[0];
      if (!frame?.contentDocument || computed) return;
      const style = frame.contentWindow!.getComputedStyle(frame.contentDocument.querySelector('p')!);
      computed = { color: style.color, background: style.backgroundColor, fontSize: style.fontSize };
    });
    observer.observe(document.body, { childList: true });
    const done = printReferralSheet([ANA], { date: DATE });
    const [sheet] = watch.printed[0].styles;
    const page = [...sheet.cssRules].find((rule): rule is CSSPageRule => rule.constructor.name === 'CSSPageRule');
    expect(page?.style.margin).to.equal('18mm 16mm');
    await done;
    observer.disconnect();
    expect(computed).to.deep.equal({ color: 'rgb(0, 0, 0)', background: 'rgba(0, 0, 0, 0)', fontSize: '15.3333px' });
  });

  it('prints in the language asked for', async () => {
    watch = watchPrinting({ print: 'dialog' });
    await printReferralSheet([BEN], { lang: 'es', date: DATE });
    const [printed] = watch.printed;
    expect(printed.lang).to.equal('es');
    expect(printed.title).to.equal('Referido: profesionales de atención primaria de la columna');
    expect(printed.text).to.contain('Fecha: 27 de noviembre de 2026');
    expect(printed.text).to.contain('Teléfono');
  });

  it('keeps hostile data as text in the printed frame', async () => {
    watch = watchPrinting({ print: 'dialog' });
    await printReferralSheet([HOSTILE], { date: DATE });
    const [printed] = watch.printed;
    expect(printed.text).to.contain('<img src=x onerror="window.__referralPwned = true">Eve');
    expect(printed.body.querySelectorAll('img, script, b, svg, iframe, u')).to.have.length(0);
    expect(printed.body.querySelectorAll('a')).to.have.length(0);
    expect((window as { __referralPwned?: boolean }).__referralPwned).to.equal(undefined);
  });

  it('calls the real print() and removes the frame after the timeout when afterprint never comes', async () => {
    watch = watchPrinting({ print: 'headless' });
    let settled = false;
    const done = printReferralSheet([ANA], { date: DATE, cleanupTimeout: 200 }).then(() => (settled = true));
    expect(watch.printed).to.have.length(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).to.equal(false);
    expect(framesInPage()).to.have.length(1);
    await done;
    await waitUntil(() => framesInPage().length === 0);
  });

  it('removes the frame and throws when print() fails', () => {
    watch = watchPrinting({ print: 'dialog' });
    const failing = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const frameWindow = failing.get!.call(this) as Window;
        frameWindow.print = () => {
          throw new Error('no printer');
        };
        return frameWindow;
      },
    });
    expect(() => printReferralSheet([ANA])).to.throw('no printer');
    expect(framesInPage()).to.have.length(0);
  });
});
