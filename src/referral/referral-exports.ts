/**
 * The referral sheet's functions as the package exports them: in every
 * language the finder ships, at once. The elements pass these functions
 * their own words (`strings`), and load Spanish only when a page needs it
 * (i18n/locale.ts), so the drop-in's entry does without it; a host that
 * calls them has no element to wait for, so Spanish comes with this module.
 */
import type { Provider } from '../directory/schema.js';
import { es } from '../i18n/es.js';
import { addStrings, stringsFor } from '../i18n/locale.js';
import type { SpineStrings } from '../i18n/strings.js';
import * as sheet from './print-referral.js';
import type { PrintReferralOptions, ReferralSheetOptions } from './print-referral.js';
import * as text from './referral-text.js';
import type { ReferralTextOptions } from './referral-text.js';

/** The options with the shipped words for their language, unless they bring words of their own. */
function withShippedStrings<Options extends { lang?: string; strings?: SpineStrings }>(options: Options): Options {
  if (options.strings) return options;
  addStrings('es', es);
  return { ...options, strings: stringsFor(options.lang ?? 'en') };
}

/** The referral sheet as plain text, for the clipboard: see `referral-text.ts`. */
export function referralText(providers: readonly Provider[], options: ReferralTextOptions = {}): string {
  return text.referralText(providers, withShippedStrings(options));
}

/** The referral sheet as an element built in `doc`: see `print-referral.ts`. */
export function buildReferralSheet(
  providers: readonly Provider[],
  options: ReferralSheetOptions = {},
  doc: Document = document,
): HTMLElement {
  return sheet.buildReferralSheet(providers, withShippedStrings(options), doc);
}

/** Prints the referral sheet from a hidden frame, `print()` called before it returns: see `print-referral.ts`. */
export function printReferralSheet(providers: readonly Provider[], options: PrintReferralOptions = {}): Promise<void> {
  return sheet.printReferralSheet(providers, withShippedStrings(options));
}
