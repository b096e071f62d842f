import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineReferralTray } from '../../src/components/referral-tray/referral-tray.js';
import type { Provider } from '../../src/directory/schema.js';
import type { SpineReferralCopyEvent, SpineReferralPrintEvent } from '../../src/events.js';
import type { SpineReferralClearEvent } from '../../src/referral/events.js';
import { referralText } from '../../src/referral/referral-text.js';
import { framesInPage, watchPrinting } from '../referral/print-frames.js';
import type { PrintWatch } from '../referral/print-frames.js';

const [ANA, BEN, CARLA] = SAMPLE_PROVIDERS;

/** A tray in a page, after a button that stands for whatever comes before it. */
async function trayFor(providers: readonly Provider[], lang = 'en') {
  const page = await fixture<HTMLDivElement>(html`
    <div lang=${lang}>
      <button type="button">Before</button>
      <spine-referral-tray .providers=${providers}></spine-referral-tray>
    </div>
  `);
  const tray = page.querySelector('spine-referral-tray')!;
  await tray.updateComplete;
  return { page, tray, before: page.querySelector('button')! };
}

function partsOf(tray: SpineReferralTray) {
  const root = tray.shadowRoot!;
  const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[part~="${name}"]`);
  return {
    bar: () => part('bar'),
    count: () => part('count')?.textContent?.trim(),
    printButton: () => part<HTMLButtonElement>('print-button')!,
    copyButton: () => part<HTMLButtonElement>('copy-button')!,
    clearButton: () => part<HTMLButtonElement>('clear-button')!,
    status: () => part('status')!,
    copyText: () => part<HTMLTextAreaElement>('copy-text'),
    focused: () => root.activeElement,
  };
}

/** Today's date as the copied text writes it, in English. */
function todayText(providers: readonly Provider[]): string {
  return referralText(providers, { lang: 'en' });
}

async function clickOn(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

async function setClipboardPermission(granted: boolean): Promise<void> {
  await executeServerCommand('set-clipboard-permission', { granted });
}

describe('<spine-referral-tray>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('is accessible', async () => {
    const { page } = await trayFor([ANA, BEN]);
    await expect(page).to.be.accessible();
  });

  it('is a region named for the referral sheet, with its buttons', async () => {
    const { tray } = await trayFor([ANA]);
    const { bar, printButton, copyButton, clearButton } = partsOf(tray);
    expect(bar()!.localName).to.equal('section');
    expect(bar()!.getAttribute('aria-label')).to.equal('Referral sheet');
    expect([printButton(), copyButton(), clearButton()].map((button) => button.textContent!.trim())).to.deep.equal([
      'Print referral sheet',
      'Copy details',
      'Clear',
    ]);
  });

  it('counts the clinicians on the sheet, one and several', async () => {
    const { tray } = await trayFor([ANA]);
    expect(partsOf(tray).count()).to.equal('1 clinician on the referral sheet');
    tray.providers = [ANA, BEN];
    await tray.updateComplete;
    expect(partsOf(tray).count()).to.equal('2 clinicians on the referral sheet');
  });

  it('counts in Spanish', async () => {
    const { tray } = await trayFor([ANA], 'es');
    expect(partsOf(tray).count()).to.equal('1 profesional en la hoja de referido');
    tray.providers = [ANA, BEN, CARLA];
    await tray.updateComplete;
    const { count, bar, printButton, copyButton, clearButton } = partsOf(tray);
    expect(count()).to.equal('3 profesionales en la hoja de referido');
    expect(bar()!.getAttribute('aria-label')).to.equal('Hoja de referido');
    expect([printButton(), copyButton(), clearButton()].map((button) => button.textContent!.trim())).to.deep.equal([
      'Imprimir la hoja de referido',
      'Copiar los datos',
      'Vaciar',
    ]);
  });

  it('shows nothing while the sheet is empty', async () => {
    const { tray } = await trayFor([]);
    expect(partsOf(tray).bar()).to.equal(null);
    expect(tray.getBoundingClientRect().height).to.equal(0);
  });

  it('lets Tab reach each button in turn', async () => {
    const { tray, before } = await trayFor([ANA, BEN]);
    const { printButton, copyButton, clearButton, focused } = partsOf(tray);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(printButton());
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(copyButton());
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(clearButton());
  });

  describe('printing', () => {
    let watch: PrintWatch;
    afterEach(() => {
      watch.stop();
      for (const frame of framesInPage()) frame.remove();
    });

    it('prints the sheet on Enter, in the page’s language, then fires spine-referral-print', async () => {
      watch = watchPrinting({ print: 'dialog' });
      const { page, tray } = await trayFor([ANA, BEN]);
      partsOf(tray).printButton().focus();
      const printed = oneEvent(page, 'spine-referral-print') as Promise<SpineReferralPrintEvent>;
      await sendKeys({ press: 'Enter' });
      const event = await printed;

      expect(event.providers).to.deep.equal([ANA, BEN]);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(watch.printed).to.have.length(1);
      const text = watch.printed[0].text;
      expect(text).to.contain('Referral: Primary Spine Practitioners');
      expect(text).to.contain(`Date: ${new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date())}`);
      expect(text).to.contain('Ana Lopez, DC');
      expect(text).to.contain('Ben Okafor, PT, DPT');
      await waitUntil(() => framesInPage().length === 0, 'the print frame was not removed');
    });

    it('prints in Spanish inside a Spanish page', async () => {
      watch = watchPrinting({ print: 'dialog' });
      const { tray } = await trayFor([ANA], 'es');
      await clickOn(partsOf(tray).printButton());
      expect(watch.printed).to.have.length(1);
      expect(watch.printed[0].lang).to.equal('es');
      expect(watch.printed[0].text).to.contain('Referido: profesionales de atención primaria de la columna');
    });
  });

  describe('copying', () => {
    afterEach(async () => {
      await setClipboardPermission(false);
    });

    it('copies the details to the clipboard, says so, and fires spine-referral-copy', async () => {
      await setClipboardPermission(true);
      const { page, tray } = await trayFor([ANA, BEN]);
      const { copyButton, status, copyText } = partsOf(tray);
      copyButton().focus();
      const copied = oneEvent(page, 'spine-referral-copy') as Promise<SpineReferralCopyEvent>;
      await sendKeys({ press: 'Enter' });
      const event = await copied;
      await tray.updateComplete;

      expect(await navigator.clipboard.readText()).to.equal(todayText([ANA, BEN]));
      expect(status().getAttribute('role')).to.equal('status');
      expect(status().textContent!.trim()).to.equal('Copied to the clipboard.');
      expect(copyText()).to.equal(null);
      expect(event.providers).to.deep.equal([ANA, BEN]);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
    });

    it('announces a second copy again', async () => {
      await setClipboardPermission(true);
      const { tray } = await trayFor([ANA]);
      const { copyButton, status } = partsOf(tray);
      const announced: string[] = [];
      new MutationObserver(() => announced.push(status().textContent!.trim())).observe(status(), {
        childList: true,
        characterData: true,
        subtree: true,
      });
      for (let i = 0; i < 2; i++) {
        const copied = oneEvent(tray, 'spine-referral-copy');
        await clickOn(copyButton());
        await copied;
        await tray.updateComplete;
      }
      expect(announced.filter(Boolean)).to.deep.equal(['Copied to the clipboard.', 'Copied to the clipboard.']);
    });

    it('copies in Spanish and says so in Spanish', async () => {
      await setClipboardPermission(true);
      const { tray } = await trayFor([BEN], 'es');
      const copied = oneEvent(tray, 'spine-referral-copy');
      await clickOn(partsOf(tray).copyButton());
      await copied;
      await tray.updateComplete;
      expect(await navigator.clipboard.readText()).to.equal(referralText([BEN], { lang: 'es' }));
      expect(partsOf(tray).status().textContent!.trim()).to.equal('Copiado al portapapeles.');
    });

    it('when the clipboard is refused, selects the text in a read-only field for the person to copy', async () => {
      await setClipboardPermission(false);
      const { page, tray } = await trayFor([ANA, BEN]);
      const events: SpineReferralCopyEvent[] = [];
      page.addEventListener('spine-referral-copy', (event) => events.push(event));
      await clickOn(partsOf(tray).copyButton());
      await waitUntil(() => partsOf(tray).copyText(), 'no field to copy from');
      const { status, copyText, focused } = partsOf(tray);
      const field = copyText()!;

      expect(status().textContent!.trim()).to.equal('Could not copy automatically. Select the text below and copy it.');
      expect(field.readOnly).to.equal(true);
      expect(field.value).to.equal(todayText([ANA, BEN]));
      expect(focused()).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      expect(field.labels![0].textContent!.trim()).to.equal('Details to copy');
      expect(events).to.have.length(0);
      await expect(page).to.be.accessible();

      // The person copies it by hand.
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'KeyC' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => events.length === 1, 'copying by hand fired no spine-referral-copy');
      expect(events[0].providers).to.deep.equal([ANA, BEN]);
    });

    it('forgets the outcome when the clinicians change, not when the same ones are passed again', async () => {
      await setClipboardPermission(false);
      const { tray } = await trayFor([ANA, BEN]);
      await clickOn(partsOf(tray).copyButton());
      await waitUntil(() => partsOf(tray).copyText(), 'no field to copy from');

      tray.providers = [ANA, BEN].map((provider) => ({ ...provider }));
      await tray.updateComplete;
      expect(partsOf(tray).copyText()).not.to.equal(null);

      tray.providers = [ANA];
      await tray.updateComplete;
      expect(partsOf(tray).copyText()).to.equal(null);
      expect(partsOf(tray).status().textContent!.trim()).to.equal('');
    });

    it('copies names with markup as plain text', async () => {
      await setClipboardPermission(false);
      const hostile: Provider = { id: 'evil', name: '<img src=x onerror="alert(1)">Eve', location: ANA.location };
      const { tray } = await trayFor([hostile]);
      await clickOn(partsOf(tray).copyButton());
      await waitUntil(() => partsOf(tray).copyText(), 'no field to copy from');
      expect(partsOf(tray).copyText()!.value.split('\n')[3]).to.equal('<img src=x onerror="alert(1)">Eve');
      expect(tray.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });

  it('fires spine-referral-clear on Enter, with the clinicians that were on the sheet', async () => {
    const { page, tray } = await trayFor([ANA, BEN]);
    partsOf(tray).clearButton().focus();
    const cleared = oneEvent(page, 'spine-referral-clear') as Promise<SpineReferralClearEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await cleared;
    expect(event.providers).to.deep.equal([ANA, BEN]);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    // Presentational: the host owns the set and empties it.
    expect(partsOf(tray).count()).to.equal('2 clinicians on the referral sheet');
  });
});
