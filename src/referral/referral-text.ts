/**
 * The referral sheet as plain text, for the clipboard: a clinician's details
 * one per line, ready to paste into a message or a chart note.
 */
import { emailAddress, webHref } from '../directory/links.js';
import { addressLines, displayName } from '../directory/provider-text.js';
import type { Provider } from '../directory/schema.js';
import { formatLongDate, stringsFor } from '../i18n/locale.js';
import type { SpineStrings } from '../i18n/strings.js';

export interface ReferralTextOptions {
  /** Language of the labels and the date: `en` or `es` (others read as English). */
  lang?: string;
  /** The date written under the heading; today by default. */
  date?: Date;
  /** The words to use instead of the shipped table for `lang` (a host's translations). */
  strings?: SpineStrings;
}

/**
 * The heading and date, then each clinician: name and credentials,
 * discipline, practice, address lines, phone, fax, email and website, with a blank
 * line between clinicians.
 */
export function referralText(providers: readonly Provider[], options: ReferralTextOptions = {}): string {
  const { lang = 'en', date = new Date() } = options;
  const strings = options.strings ?? stringsFor(lang);
  const heading = [
    strings.referralSheetTitle,
    strings.referralLabelled(strings.referralDateLabel, formatLongDate(date, lang)),
  ];
  return [heading, ...providers.map((provider) => clinicianLines(provider, strings))]
    .map((lines) => lines.map(oneLine).join('\n'))
    .join('\n\n');
}

function clinicianLines(provider: Provider, strings: SpineStrings): string[] {
  // The schema keeps only safe links; checked again for objects that never went through it.
  const website = webHref(provider.website);
  const email = emailAddress(provider.email);
  return [
    displayName(provider),
    provider.discipline && strings.discipline[provider.discipline],
    provider.practice,
    ...(provider.address ? addressLines(provider.address) : []),
    provider.phone && strings.referralLabelled(strings.phone, provider.phone),
    provider.fax && strings.referralLabelled(strings.fax, provider.fax),
    email && strings.referralLabelled(strings.email, email),
    website && strings.referralLabelled(strings.website, website),
  ].filter((line): line is string => Boolean(line));
}

/** A field's line breaks and tabs would break the one-field-a-line layout. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
