/**
 * The link rules: web links http(s) only, `tel:` built from digits, `mailto:`
 * with one plain address; anything else dropped with the rest of the record
 * kept. Run in the browser, whose URL parser the finder relies on.
 */
import { expect } from '@open-wc/testing';
import { emailAddress, mailtoHref, telHref, webHref } from '../../src/directory/links.js';
import { parseProviders } from '../../src/directory/schema.js';
import { EMAIL_PAYLOADS, PHONE_PAYLOADS, URL_PAYLOADS } from './payloads.js';

const RECORD = { id: 'r1', name: 'Ana Lopez', location: { lat: 41.92, lng: -87.64 } };

describe('webHref', () => {
  it('keeps http and https URLs, as the URL parser writes them', () => {
    expect(webHref('https://example.org/a')).to.equal('https://example.org/a');
    expect(webHref('  HTTP://Example.org  ')).to.equal('http://example.org/');
    expect(webHref('https://example.org/"><img src=x onerror=spinePwned()>')).to.equal(
      'https://example.org/%22%3E%3Cimg%20src=x%20onerror=spinePwned()%3E',
    );
  });

  it('drops every other scheme, whatever case, spaces, control characters or entities it is written with', () => {
    const kept = URL_PAYLOADS.filter((payload) => webHref(payload) !== undefined);
    for (const payload of kept) expect(new URL(webHref(payload)!).protocol).to.match(/^https?:$/);
    expect(URL_PAYLOADS.filter((payload) => !/^https?:/i.test(payload)).map(webHref)).to.satisfy((hrefs: unknown[]) =>
      hrefs.every((href) => href === undefined),
    );
    for (const value of [undefined, null, 42, {}, ['https://example.org']]) expect(webHref(value)).to.equal(undefined);
  });
});

describe('telHref', () => {
  it('is made of the digits alone, with a leading + kept', () => {
    expect(telHref('(312) 555-0101')).to.equal('tel:3125550101');
    expect(telHref(' +1 312.555.0101 ')).to.equal('tel:+13125550101');
    expect(telHref(PHONE_PAYLOADS[2])).to.equal('tel:+13125550100');
  });

  it('is none for text with too few or too many digits', () => {
    expect(telHref('javascript:spinePwned()')).to.equal(undefined);
    expect(telHref('tel:123"><img src=x onerror=spinePwned()>')).to.equal(undefined);
    expect(telHref('1234567890123456')).to.equal(undefined);
  });
});

describe('mailtoHref and emailAddress', () => {
  it('links one plain address, a leading mailto: taken off', () => {
    expect(mailtoHref('ana@example.org')).to.equal('mailto:ana@example.org');
    expect(mailtoHref(' MAILTO:ana.lopez+clinic@example.org ')).to.equal('mailto:ana.lopez%2Bclinic@example.org');
    expect(emailAddress(' mailto:ana@example.org ')).to.equal('ana@example.org');
  });

  it('encodes what could start headers in the local part', () => {
    expect(mailtoHref('a?cc=b&body=c@example.org')).to.equal('mailto:a%3Fcc%3Db%26body%3Dc@example.org');
  });

  it('drops headers, lists, names, markup and scripts', () => {
    for (const payload of EMAIL_PAYLOADS) expect(mailtoHref(payload), payload).to.equal(undefined);
    for (const value of [undefined, null, 42, `${'a'.repeat(250)}@example.org`]) {
      expect(emailAddress(value)).to.equal(undefined);
    }
  });
});

describe('the schema with hostile links', () => {
  it('drops each unsafe link and keeps the record', () => {
    const records = URL_PAYLOADS.map((url, index) => ({
      ...RECORD,
      id: `r${index}`,
      website: url,
      bookingUrl: url,
      email: EMAIL_PAYLOADS[index % EMAIL_PAYLOADS.length],
      registry: { participant: true, profileUrl: url },
    }));
    const { providers, rejected } = parseProviders(records);
    expect(rejected).to.deep.equal([]);
    expect(providers).to.have.length(records.length);
    for (const [index, provider] of providers.entries()) {
      expect(provider.name).to.equal('Ana Lopez');
      expect(provider.website).to.equal(webHref(URL_PAYLOADS[index]));
      expect(provider.bookingUrl).to.equal(webHref(URL_PAYLOADS[index]));
      expect(provider.registry).to.deep.equal({ participant: true, profileUrl: webHref(URL_PAYLOADS[index]) });
      expect(provider.email).to.equal(undefined);
    }
  });

  it('keeps a plain e-mail address', () => {
    const { providers } = parseProviders([{ ...RECORD, email: ' ana@example.org ' }]);
    expect(providers[0].email).to.equal('ana@example.org');
  });
});
