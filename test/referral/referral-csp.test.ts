/**
 * The referral tools on a page with a strict Content-Security-Policy: no
 * inline scripts or styles. A file of its own: the policy cannot be lifted
 * once the page has it.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineReferralTray } from '../../src/components/referral-tray/referral-tray.js';
import { printReferralSheet } from '../../src/referral/referral-exports.js';
import { framesInPage, watchPrinting } from './print-frames.js';
import type { PrintWatch } from './print-frames.js';

const [ANA, BEN] = SAMPLE_PROVIDERS;
const violations: SecurityPolicyViolationEvent[] = [];

before(() => {
  document.addEventListener('securitypolicyviolation', (event) => violations.push(event));
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = "script-src 'self'; style-src 'self'";
  document.head.append(policy);
});

/** Lets violation reports, which are queued as tasks, arrive. */
function reportsArrived(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

describe('the referral sheet under script-src and style-src self', () => {
  let watch: PrintWatch | undefined;
  beforeEach(() => {
    violations.length = 0;
  });
  afterEach(() => {
    watch?.stop();
    for (const frame of framesInPage()) frame.remove();
  });

  it('enforces the policy, in the page and in a blank frame it holds (the control)', async () => {
    document.createElement('p').setAttribute('style', 'color: red');
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const frameViolations: string[] = [];
    frame.contentDocument!.addEventListener('securitypolicyviolation', (event) =>
      frameViolations.push(event.effectiveDirective),
    );
    frame.contentDocument!.body.append(frame.contentDocument!.createElement('style'));
    await reportsArrived();
    expect(violations.map((event) => event.effectiveDirective)).to.deep.equal(['style-src-attr']);
    expect(frameViolations).to.deep.equal(['style-src-elem']);
  });

  it('prints a styled sheet with no violation', async () => {
    watch = watchPrinting({ print: 'dialog' });
    await printReferralSheet([ANA, BEN], { lang: 'es' });
    await reportsArrived();
    expect(violations).to.deep.equal([]);
    expect(watch.violations).to.deep.equal([]);
    const [printed] = watch.printed;
    expect(printed.text).to.contain('Ana Lopez, DC');
    expect(printed.styles).to.have.length(1);
    expect(printed.size).to.deep.equal({ width: 0, height: 0 });
  });

  it('runs the tray (print, and copy falling back to the field) with no violation', async () => {
    watch = watchPrinting({ print: 'dialog' });
    const tray = await fixture<SpineReferralTray>(
      html`<spine-referral-tray .providers=${[ANA, BEN]}></spine-referral-tray>`,
    );
    const root = tray.shadowRoot!;
    const printed = oneEvent(tray, 'spine-referral-print');
    root.querySelector<HTMLButtonElement>('[part~="print-button"]')!.click();
    await printed;
    root.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
    await waitUntil(() => root.querySelector('[part~="status"]')!.textContent!.trim(), 'no copy outcome');
    await reportsArrived();
    expect(violations).to.deep.equal([]);
    expect(watch.violations).to.deep.equal([]);
    expect(watch.printed).to.have.length(1);
    expect(getComputedStyle(root.querySelector('[part~="bar"]')!).display).to.equal('flex');
  });
});
