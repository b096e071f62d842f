/**
 * Hostile directory data: what a compromised or careless directory could put
 * in any string field of a Provider. Every payload that could run calls
 * `spinePwned()`, the trap `installTrap` sets (also `alert`, `confirm` and
 * `prompt`, which classic payloads call), so a payload that runs is caught
 * whichever way it got in.
 */
/** Text that must be shown as text wherever a string is shown. */
export const TEXT_PAYLOADS: readonly string[] = [
  '<script>spinePwned()</script>',
  '<img src=x onerror=spinePwned()>',
  '"><img src=x onerror="spinePwned()">',
  "'><svg/onload=spinePwned()>",
  '<svg><script>spinePwned()</script></svg>',
  '<svg><animate onbegin=spinePwned() attributeName=x dur=1s></svg>',
  '<iframe srcdoc="<script>parent.spinePwned()</script>"></iframe>',
  '<a href="javascript:spinePwned()">click me</a>',
  '<details open ontoggle=spinePwned()>',
  '<style>@import "http://127.0.0.1:9/evil.css";</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=spinePwned()>',
  '</title></textarea></script></style><img src=x onerror=spinePwned()>',
  '<input autofocus onfocus=spinePwned()>',
  '<object data="javascript:spinePwned()"></object>',
  '${spinePwned()}',
  '`${spinePwned()}`',
  '{{constructor.constructor("spinePwned()")()}}',
  '<%= spinePwned() %>',
  '#{spinePwned()}',
  'javascript:spinePwned()',
  '&lt;script&gt;spinePwned()&lt;/script&gt;',
  '&#60;img src=x onerror=spinePwned()&#62;',
  // Unicode bidi overrides and isolates: shown as written, they must not reorder the page around them.
  'Dr \u202Egnp.exe\u202C Smith',
  '\u2067spinePwned()\u2069 \u200F',
  'A\u0000B\u0007C',
  'lone \uD800 surrogate',
  'ＳＣＲＩＰＴ ｓｐｉｎｅＰｗｎｅｄ（）',
  `long ${'<b>x</b>'.repeat(12_500)}`,
];

/**
 * Values for `website`, `bookingUrl` and `registry.profileUrl`: each is
 * either dropped or kept as the http(s) URL it parses to.
 */
export const URL_PAYLOADS: readonly string[] = [
  'javascript:spinePwned()',
  'JaVaScRiPt:spinePwned()',
  ' \t javascript:spinePwned()',
  'java\tscript:spinePwned()',
  'java\nscript:spinePwned()',
  'java\rscript:spinePwned()',
  '\u0001javascript:spinePwned()',
  '\u0000javascript:spinePwned()',
  'javascript\u0000:spinePwned()',
  '&#106;avascript:spinePwned()',
  '&#x6A;&#x61;vascript:spinePwned()',
  'javascript&colon;spinePwned()',
  'javascript:/*--></title></style></textarea></script><svg/onload=spinePwned()>',
  'data:text/html,<script>parent.spinePwned()</script>',
  'DATA:text/html;base64,PHNjcmlwdD5wYXJlbnQuc3BpbmVQd25lZCgpPC9zY3JpcHQ+',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.org/1234',
  '//evil.example/x',
  '/relative/path',
  'https://example.org/"><img src=x onerror=spinePwned()>',
  "https://example.org/'onmouseover='spinePwned()",
  'https://example.org/${spinePwned()}',
  'http://example.org/a b',
];

/** Values for `email`: kept only when one plain address. */
export const EMAIL_PAYLOADS: readonly string[] = [
  'javascript:spinePwned()//@example.org',
  '"><img src=x onerror=spinePwned()>@example.org',
  'a@example.org?cc=evil@example.net&body=hello',
  'a@example.org,b@example.net',
  'Ana Lopez <ana@example.org>',
  'mailto:ana@example.org?subject=hi',
  'ana@example.org\nBcc: evil@example.net',
  'ana@localhost',
];

/** Values for `phone` and `fax`: text is shown as text, a `tel:` link only from digits. */
export const PHONE_PAYLOADS: readonly string[] = [
  'javascript:spinePwned()',
  'tel:123"><img src=x onerror=spinePwned()>',
  '+1 (312) 555-0100"><svg onload=spinePwned()>',
];

/** Schemes an `href` in the finder may have. */
export const SAFE_SCHEMES = ['http:', 'https:', 'tel:', 'mailto:'];

/**
 * A Provider record with `payload` in every string field (and a hostile link
 * in every link field), at one of a few shared points so that the map puts
 * several in one group practice.
 */
export function hostileRecord(payload: string, index: number): Record<string, unknown> {
  const url = URL_PAYLOADS[index % URL_PAYLOADS.length];
  const address = { line1: payload, line2: payload, city: payload, state: payload, postalCode: payload };
  const site = index % 3;
  return {
    id: `${payload}#${index}`,
    name: payload,
    location: { lat: 41.92 + site * 0.1, lng: -87.65 - site * 0.05 },
    credentials: [payload, payload],
    discipline: 'chiropractic',
    practice: payload,
    address,
    phone: index % 2 ? payload : PHONE_PAYLOADS[index % PHONE_PAYLOADS.length],
    fax: payload,
    email: EMAIL_PAYLOADS[index % EMAIL_PAYLOADS.length],
    website: url,
    bookingUrl: URL_PAYLOADS[(index + 7) % URL_PAYLOADS.length],
    languages: [payload],
    acceptingNewPatients: true,
    telehealth: true,
    insurance: [payload, payload],
    hours: [{ days: ['mon'], opens: '08:00', closes: '17:00' }],
    otherLocations: [{ practice: payload, address, phone: payload, fax: payload }],
    registry: { participant: true, profileUrl: URL_PAYLOADS[(index + 3) % URL_PAYLOADS.length] },
    quality: [
      {
        measure: payload,
        label: payload,
        share: 0.5,
        patients: 10,
        period: { start: '2025-01', end: '2025-12' },
      },
    ],
  };
}

/** One hostile record per text payload. */
export function hostileDirectory(): Record<string, unknown>[] {
  return TEXT_PAYLOADS.map((payload, index) => hostileRecord(payload, index));
}

declare global {
  interface Window {
    spinePwned?: () => void;
  }
}

export interface Trap {
  /** Each call of `spinePwned`, `alert`, `confirm` or `prompt`, by name. */
  calls: string[];
  /** `securitypolicyviolation` events anywhere in the page. */
  violations: SecurityPolicyViolationEvent[];
  /** Uncaught errors and unhandled rejections. */
  errors: string[];
  remove(): void;
}

/**
 * Sets the trap: the functions payloads call record that they ran, and every
 * policy violation, uncaught error and unhandled rejection is kept.
 */
export function installTrap(): Trap {
  const calls: string[] = [];
  const violations: SecurityPolicyViolationEvent[] = [];
  const errors: string[] = [];
  const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
  window.spinePwned = () => void calls.push('spinePwned');
  window.alert = () => void calls.push('alert');
  window.confirm = () => (calls.push('confirm'), false);
  window.prompt = () => (calls.push('prompt'), null);
  const onViolation = (event: SecurityPolicyViolationEvent) => violations.push(event);
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  // An element's failed load (an <img src=x>) is an `error` event that does not bubble: caught on the way down.
  const onResourceError = (event: Event) => {
    if (!(event instanceof ErrorEvent))
      errors.push(`failed load: ${(event.target as Element)?.outerHTML?.slice(0, 80)}`);
  };
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(event.reason)}`);
  document.addEventListener('securitypolicyviolation', onViolation, true);
  window.addEventListener('error', onError);
  window.addEventListener('error', onResourceError, true);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    calls,
    violations,
    errors,
    remove() {
      delete window.spinePwned;
      Object.assign(window, saved);
      document.removeEventListener('securitypolicyviolation', onViolation, true);
      window.removeEventListener('error', onError);
      window.removeEventListener('error', onResourceError, true);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Every element under `root`, through every open shadow root. */
export function deepElements(root: Node): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child instanceof Element) {
        found.push(child);
        if (child.shadowRoot) visit(child.shadowRoot);
      }
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** Every text under `root` as one string, through every open shadow root. */
export function deepText(root: Node): string {
  let text = '';
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += child.nodeValue;
      if (child instanceof Element && child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root);
  return text;
}

/**
 * What must never be in the finder's DOM, whatever the data: elements that
 * run or load something, event-handler attributes, and links of any scheme
 * but http(s), tel and mailto (and the map's own `#close`).
 */
export function unsafeMarkup(root: Node): string[] {
  const problems: string[] = [];
  for (const element of deepElements(root)) {
    const tag = element.localName;
    if (['script', 'iframe', 'object', 'embed', 'img', 'style', 'link', 'meta', 'base'].includes(tag)) {
      problems.push(`<${tag}> element`);
    }
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on')) problems.push(`${name} on <${tag}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(name)) {
        if (name === 'href' && value === '#close') continue;
        let scheme = '';
        try {
          scheme = new URL(value).protocol;
        } catch {
          scheme = `unparsable (${value.slice(0, 40)})`;
        }
        if (!SAFE_SCHEMES.includes(scheme)) problems.push(`${name}="${value.slice(0, 60)}" on <${tag}>`);
      }
    }
  }
  return problems;
}
