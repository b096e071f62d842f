/**
 * Links built from directory data. Only three kinds reach an `href`: web
 * links that parse as absolute http: or https: URLs, `tel:` links made of a
 * phone number's digits, and `mailto:` links made of one plain address. No
 * text from the data ever chooses a URL scheme of its own, whatever case,
 * whitespace, control characters or entities it is written with.
 */

/**
 * An absolute http: or https: URL, normalised by the URL parser, or
 * undefined for anything else. The parser strips leading and trailing
 * spaces and control characters and removes tabs and newlines anywhere, so
 * `" java\tscript:…"` is read as the `javascript:` URL it is, and dropped.
 */
export function webHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A `tel:` URL for a phone number, or undefined when it has too few digits. */
export function telHref(phone: string): string | undefined {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

/**
 * The HTML standard's "valid e-mail address" (what `<input type=email>`
 * accepts), with at least one dot in the domain: an address a directory
 * might hold, and nothing a `mailto:` URL could read as headers or a body.
 */
const EMAIL_ADDRESS =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** An e-mail address as written (a leading `mailto:` taken off), or undefined when it is not one plain address. */
export function emailAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const address = value.trim().replace(/^mailto:/i, '');
  return address.length <= 254 && EMAIL_ADDRESS.test(address) ? address : undefined;
}

/**
 * A `mailto:` URL of the address alone. The local part is percent-encoded,
 * so its `?`, `&`, `%` or `#` (legal in an address) can never start a
 * query of headers such as `cc` or `body`.
 */
export function mailtoHref(value: unknown): string | undefined {
  const address = emailAddress(value);
  if (!address) return undefined;
  const at = address.lastIndexOf('@');
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${address.slice(at + 1)}`;
}
