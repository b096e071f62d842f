import { html, LitElement, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Provider } from '../../directory/schema.js';
import { SpineReferralCopyEvent, SpineReferralPrintEvent } from '../../events.js';
import { formatCount, LocaleController } from '../../i18n/locale.js';
import { SpineReferralClearEvent } from '../../referral/events.js';
import { printReferralSheet } from '../../referral/print-referral.js';
import { referralText } from '../../referral/referral-text.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { referralTrayStyles } from './referral-tray.styles.js';

/** How the last "Copy details" went: nothing yet, copied, or left for the person to copy by hand. */
type CopyOutcome = 'none' | 'copied' | 'manual';

/**
 * @summary The referral sheet's bar: how many clinicians are on it, and
 * buttons to print it, copy it and clear it. Shows nothing while the sheet is
 * empty.
 *
 * Printing and copying happen here (they touch nothing but the person's
 * printer and clipboard); the events that follow let a host count them.
 * Where the clipboard is unavailable or refused, the text is shown selected
 * in a read-only field for the person to copy.
 *
 * @tagname spine-referral-tray
 *
 * @prop {readonly Provider[]} [providers=[]] - The clinicians on the referral sheet, in the order they were added.
 *
 * @fires {SpineReferralPrintEvent} spine-referral-print - The sheet was sent to the printer (or "Save as PDF"):
 *   `providers`.
 * @fires {SpineReferralCopyEvent} spine-referral-copy - The details were copied, by the button or by hand from the
 *   field: `providers`.
 * @fires {SpineReferralClearEvent} spine-referral-clear - The person pressed "Clear": `providers`. The tray does not
 *   empty itself: whoever keeps the sheet sets `providers`.
 *
 * @csspart bar - The bar around everything.
 * @csspart count - "2 clinicians on the referral sheet".
 * @csspart actions - The row of buttons.
 * @csspart print-button - The "Print referral sheet" button.
 * @csspart copy-button - The "Copy details" button.
 * @csspart clear-button - The "Clear" button.
 * @csspart status - The live region that says whether the details were copied.
 * @csspart copy-text - The read-only field with the details, when they could not be copied.
 *
 * @cssprop --spine-color-scheme - The browser’s own parts: form controls, scrollbars, the datalist popup.
 * @cssprop --spine-color-accent - Buttons (fill and edge), links, ticked checkboxes, the search area on the map.
 * @cssprop --spine-color-accent-text - Text on the accent: primary buttons, the pressed List/Map button.
 * @cssprop --spine-color-text - Body text.
 * @cssprop --spine-color-surface - Background of the finder, cards, fields and secondary buttons.
 * @cssprop --spine-color-surface-alt - Background of the referral bar, the outcome explanation, earlier results.
 * @cssprop --spine-color-border - Edges of fields, selects, cards, the map and the pan buttons (keep 3:1 on the
 *   surface).
 * @cssprop --spine-color-focus - The focus ring of every control (keep 3:1 on the surface).
 * @cssprop --spine-font-family - Every text of the finder (by default the page’s own font).
 * @cssprop --spine-font-size - Base text size; everything else is in em and rem, so it follows a person’s text size.
 * @cssprop --spine-line-height - Line height of the text (not less than 1.5 for long text).
 * @cssprop --spine-radius - Corners of buttons, fields, cards, the map and the referral bar (0 for square).
 * @cssprop --spine-space - The unit of every gap and padding.
 * @cssprop --spine-control-height - Least height and width of buttons, fields and selects (at least 24px, WCAG 2.5.8).
 */
export class SpineReferralTray extends LitElement {
  static override styles = [sharedStyles, referralTrayStyles];

  /** The clinicians on the referral sheet, in the order they were added. */
  @property({ attribute: false }) providers: readonly Provider[] = [];

  @state() private copyOutcome: CopyOutcome = 'none';

  /** The text offered for copying by hand, kept as it was when the button was pressed. */
  @state() private manualText = '';

  @query('textarea') private copyField?: HTMLTextAreaElement;

  private readonly locale = new LocaleController(this);

  protected override scheduleUpdate(): void | Promise<unknown> {
    // A page in Spanish draws once its words have loaded, never in English first.
    return this.locale.afterLoading(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A message about copying other clinicians would now be wrong.
    const previous = changed.get('providers');
    if (previous && !sameClinicians(previous, this.providers)) {
      this.copyOutcome = 'none';
      this.manualText = '';
    }
  }

  override render() {
    if (this.providers.length === 0) return nothing;
    const strings = this.locale.strings;
    const count = this.providers.length;
    return html`
      <section part="bar" class="bar" aria-label=${strings.referralTrayLabel} lang=${this.locale.markedLang ?? nothing}>
        <p part="count" class="count">${strings.referralCount(count, formatCount(count, this.locale.lang))}</p>
        <div part="actions" class="actions">
          <button part="print-button" type="button" @click=${this.handlePrintClick}>${strings.referralPrint}</button>
          <button part="copy-button" class="secondary" type="button" @click=${this.handleCopyClick}>
            ${strings.referralCopy}
          </button>
          <button part="clear-button" class="secondary" type="button" @click=${this.handleClearClick}>
            ${strings.referralClear}
          </button>
        </div>
        <p part="status" class="status" role="status">${this.statusText()}</p>
        ${this.renderCopyField()}
      </section>
    `;
  }

  private renderCopyField() {
    if (this.copyOutcome !== 'manual') return nothing;
    return html`
      <div class="copy-field">
        <label for="copy-text">${this.locale.strings.referralCopyTextLabel}</label>
        <textarea
          id="copy-text"
          part="copy-text"
          readonly
          rows=${Math.min(12, this.manualText.split('\n').length)}
          .value=${this.manualText}
          @copy=${this.handleManualCopy}
        ></textarea>
      </div>
    `;
  }

  private statusText(): string {
    const strings = this.locale.strings;
    if (this.copyOutcome === 'copied') return strings.referralCopied;
    if (this.copyOutcome === 'manual') return strings.referralCopyManual;
    return '';
  }

  private handlePrintClick() {
    const providers = this.providers;
    void printReferralSheet(providers, {
      lang: this.locale.lang,
      strings: this.locale.strings,
      document: this.ownerDocument,
    });
    this.dispatchEvent(new SpineReferralPrintEvent(providers));
  }

  private async handleCopyClick() {
    const providers = this.providers;
    const text = referralText(providers, { lang: this.locale.lang, strings: this.locale.strings });
    // Emptied first, so a second copy is announced again.
    this.copyOutcome = 'none';
    await this.updateComplete;
    if (await writeToClipboard(text)) {
      this.copyOutcome = 'copied';
      this.manualText = '';
      this.dispatchEvent(new SpineReferralCopyEvent(providers));
      return;
    }
    this.copyOutcome = 'manual';
    this.manualText = text;
    await this.updateComplete;
    const field = this.copyField;
    if (!field) return;
    field.focus();
    field.select();
    // Selecting scrolls to the end; the person starts reading at the top.
    field.scrollTop = 0;
  }

  private handleManualCopy() {
    this.dispatchEvent(new SpineReferralCopyEvent(this.providers));
  }

  private handleClearClick() {
    this.dispatchEvent(new SpineReferralClearEvent(this.providers));
  }
}

/** False when there is no clipboard (an insecure page, an old browser) or the browser refuses it. */
async function writeToClipboard(text: string): Promise<boolean> {
  if (!navigator.clipboard?.writeText) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** True when both lists hold the same clinicians in the same order (a host may pass a new array of the same set). */
function sameClinicians(a: readonly Provider[], b: readonly Provider[]): boolean {
  return a.length === b.length && a.every((provider, i) => provider.id === b[i].id);
}
