/**
 * Links built from directory data. Web links are already limited to http(s)
 * by the schema; phone numbers become `tel:` links of digits only, so no
 * text from the data ever reaches a URL scheme of its own.
 */

/** A `tel:` URL for a phone number, or undefined when it has too few digits. */
export function telHref(phone: string): string | undefined {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
