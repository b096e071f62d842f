/**
 * Configuring <spine-finder> in one object: the `config` property, or JSON in
 * a `<script type="application/json">` inside it. What wins over what, and
 * what the host is told, once, about an entry the finder cannot use, while
 * the rest applies and searches still work.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { SpineFinder } from '../../src/components/finder/finder.js';
import { CONFIG_KEYS } from '../../src/components/finder/finder-config.js';
import type { FinderConfig } from '../../src/components/finder/finder-config.js';
import type { SpineSearchEvent } from '../../src/events.js';
import { partsOf, searchAndWait } from '../helpers.js';

const ALL_NEAR_60614 = ['Ana Lopez, DC', 'Ben Okafor, PT, DPT', 'Carla Nguyen, DO', 'David Kim, DC'];

/** Console warnings, kept out of the log while a test runs. */
let warnings: string[] = [];
const warn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
});
afterEach(() => {
  console.warn = warn;
});

function searchButtonText(finder: SpineFinder): string {
  return partsOf(finder).searchBox.shadowRoot!.querySelector('[part~="button"]')!.textContent!.trim();
}

async function radiusOfNextSearch(finder: SpineFinder, text: string): Promise<number> {
  const search = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
  await searchAndWait(finder, text);
  return (await search).radius;
}

describe('<spine-finder> config property', () => {
  it('has an entry for every public property of the finder', () => {
    const properties = [...SpineFinder.elementProperties]
      .filter(([name, options]) => !options.state && name !== 'config')
      .map(([name]) => String(name));
    expect(properties.sort()).to.deep.equal([...CONFIG_KEYS].sort());
  });

  it('applies every entry, objects as objects, and stays accessible', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder></spine-finder>`);
    finder.config = {
      endpoint: '/test-api/directory',
      noMap: true,
      radius: 50,
      filters: { acceptingNewPatients: true },
      translations: { en: { searchButton: 'Find' } },
    };
    await finder.updateComplete;
    expect(finder.shadowRoot!.querySelector('spine-map')).to.equal(null);
    expect(searchButtonText(finder)).to.equal('Find');
    expect(await radiusOfNextSearch(finder, '60614')).to.equal(50);
    expect(partsOf(finder).cardNames()).to.deep.equal(['Ana Lopez, DC']);
    expect(finder.filters).to.deep.equal({ acceptingNewPatients: true });
    await expect(finder).to.be.accessible();
    expect(warnings).to.deep.equal([]);
  });

  it('takes a config given before the element is defined', async () => {
    const element = document.createElement('div');
    element.innerHTML = '<spine-finder-later></spine-finder-later>';
    const early = element.firstElementChild as SpineFinder;
    early.config = { endpoint: '/test-api/directory', sort: 'name' };
    customElements.define('spine-finder-later', class extends SpineFinder {});
    document.body.append(element);
    try {
      await early.updateComplete;
      expect(early.endpoint).to.equal('/test-api/directory');
      expect(early.sort).to.equal('name');
    } finally {
      element.remove();
    }
  });
});

describe('<spine-finder> <script type="application/json">', () => {
  it('reads the configuration from the JSON, and searches with it', async () => {
    const finder = await fixture<SpineFinder>(`<spine-finder>
      <script type="application/json">
        { "endpoint": "/test-api/directory", "sort": "name", "noMap": true,
          "translations": { "en": { "searchButton": "Find" } } }
      </script>
    </spine-finder>`);
    expect(finder.shadowRoot!.querySelector('spine-map')).to.equal(null);
    expect(searchButtonText(finder)).to.equal('Find');
    await searchAndWait(finder, 'Evanston, IL');
    expect(partsOf(finder).cardNames()).to.deep.equal(ALL_NEAR_60614);
    expect(warnings).to.deep.equal([]);
  });

  it('reads a script added after the element, and again when it changes', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder></spine-finder>`);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '{"endpoint": "/test-api/directory", "radius": 5}';
    finder.append(script);
    await waitUntil(() => finder.endpoint === '/test-api/directory', 'the added script was not read');
    expect(finder.radius).to.equal(5);

    script.textContent = '{"endpoint": "/test-api/directory", "radius": 10}';
    await waitUntil(() => finder.radius === 10, 'the changed script was not read');
    expect(await radiusOfNextSearch(finder, '60614')).to.equal(10);
  });

  it('never runs the script: a script of any other type is not read', async () => {
    const finder = await fixture<SpineFinder>(`<spine-finder>
      <script type="text/plain">{"endpoint": "/test-api/directory"}</script>
    </spine-finder>`);
    expect(finder.endpoint).to.equal(undefined);
  });
});

describe('<spine-finder> configuration precedence', () => {
  it('lets an attribute win over config, and config over the default', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" radius="5"></spine-finder>`,
    );
    finder.config = { radius: 50, sort: 'name' };
    expect(finder.radius).to.equal(5);
    expect(finder.sort).to.equal('name');

    // Taken away, the attribute lets the entry show.
    finder.removeAttribute('radius');
    expect(finder.radius).to.equal(50);
    // Set again, it wins again.
    finder.setAttribute('radius', '10');
    expect(finder.radius).to.equal(10);
  });

  it('lets the property win over the script, entry by entry', async () => {
    const finder = await fixture<SpineFinder>(`<spine-finder>
      <script type="application/json">{"endpoint": "/test-api/directory", "radius": 5, "sort": "name"}</script>
    </spine-finder>`);
    finder.config = { radius: 50 };
    expect(finder.radius).to.equal(50);
    expect(finder.sort).to.equal('name');
    expect(finder.endpoint).to.equal('/test-api/directory');
  });

  it('gives back the default when a new config leaves an entry out', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    finder.config = { radius: 50, noMap: true, units: 'km' };
    finder.config = { noMap: true };
    expect(finder.radius).to.equal(25);
    expect(finder.units).to.equal(undefined);
    expect(finder.noMap).to.equal(true);
  });

  it('keeps what the person chose when the host passes an equal config again', async () => {
    const config: FinderConfig = { endpoint: '/test-api/directory', filters: {} };
    const finder = await fixture<SpineFinder>(html`<spine-finder .config=${config}></spine-finder>`);
    await searchAndWait(finder, '60614');
    const filters = finder.shadowRoot!.querySelector('spine-filters')!;
    const results = oneEvent(finder, 'spine-results');
    filters.shadowRoot!.querySelector<HTMLInputElement>('#telehealth')!.click();
    await results;
    expect(finder.filters).to.deep.equal({ telehealth: true });

    // A framework re-rendering passes a new object that says the same.
    finder.config = { endpoint: '/test-api/directory', filters: {} };
    expect(finder.filters).to.deep.equal({ telehealth: true });
  });
});

describe('<spine-finder> invalid configuration', () => {
  it('tells each wrong entry once, with its value and what it takes, and applies the rest', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder></spine-finder>`);
    const config = {
      endpoint: '/test-api/directory',
      radius: 'ten',
      sort: 'closest',
      filters: { telehealth: 'yes' },
      'no-map': true,
      colour: 'teal',
      lang: 'es',
      translations: { en: { noResults: 'Nobody found', searchButton: 'Find' } },
      units: 'km',
    } as unknown as FinderConfig;
    finder.config = config;
    await finder.updateComplete;

    expect(warnings).to.deep.equal([
      'spine-finder: config.radius = "ten" is not valid: radius takes a number above 0; left out.',
      'spine-finder: config.sort = "closest" is not valid: sort takes one of distance, name, quality; left out.',
      'spine-finder: config.filters.telehealth = "yes" is not valid: filters takes an object (JSON in the ' +
        'attribute) with any of disciplines (a list of chiropractic, physical-therapy, osteopathic, medical, ' +
        'other), acceptingNewPatients, telehealth, registryParticipant (true or false), language, insurance and ' +
        'query (text); left out.',
      'spine-finder: config has "no-map", which is not an option; did you mean "noMap"?',
      `spine-finder: config has "colour", which is not an option; the options are ${CONFIG_KEYS.join(', ')}.`,
      'spine-finder: config has "lang", which is not an option: set lang on the element or the page, as HTML does.',
      'spine-finder: config.translations.en.noResults = "Nobody found" is not valid: translations takes words by ' +
        'language, like {"en": {"searchButton": "Find"}}: keys of SpineStrings, text for text (messages with ' +
        'numbers or names only as functions, through the property); left out.',
    ]);
    // The valid entries apply; the wrong ones leave the defaults.
    expect(finder.endpoint).to.equal('/test-api/directory');
    expect(finder.units).to.equal('km');
    expect(finder.radius).to.equal(25);
    expect(finder.sort).to.equal('distance');
    expect(finder.filters).to.deep.equal({});
    expect(finder.noMap).to.equal(false);

    // Nothing is said twice: not for the same config again, a redraw or a search.
    finder.config = { ...config };
    finder.requestUpdate();
    await finder.updateComplete;
    await searchAndWait(finder, '60614');
    expect(partsOf(finder).cardNames()).to.deep.equal(ALL_NEAR_60614);
    expect(warnings).to.have.length(7);
  });

  it('names an unknown filter, which would otherwise narrow nothing', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder></spine-finder>`);
    finder.config = { filters: { acceptingPatients: true } } as unknown as FinderConfig;
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(
      /^spine-finder: config\.filters\.acceptingPatients = true is not valid: filters takes/,
    );
  });

  it('names headers that are not all text, and sends none of them', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder></spine-finder>`);
    finder.config = { requestHeaders: { 'X-Api-Key': 42 } } as unknown as FinderConfig;
    expect(warnings).to.deep.equal([
      'spine-finder: config.requestHeaders = {"X-Api-Key":42} is not valid: requestHeaders takes an object of ' +
        'header names and text values; left out.',
    ]);
    expect(finder.requestHeaders).to.deep.equal({});
  });

  it('says a script that is not JSON is left out, once, and the finder still searches', async () => {
    const finder = await fixture<SpineFinder>(`<spine-finder endpoint="/test-api/directory">
      <script type="application/json">{ endpoint: "/elsewhere", }</script>
    </spine-finder>`);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(
      /^spine-finder: the <script type="application\/json"> is not JSON \(.+\); its configuration is left out\.$/,
    );
    finder.requestUpdate();
    await searchAndWait(finder, '60614');
    expect(partsOf(finder).cardNames()).to.deep.equal(ALL_NEAR_60614);
    expect(warnings).to.have.length(1);
  });

  it('says a script that is JSON but not an object is left out', async () => {
    await fixture<SpineFinder>(`<spine-finder>
      <script type="application/json">["endpoint", "/test-api/directory"]</script>
    </spine-finder>`);
    expect(warnings).to.deep.equal([
      'spine-finder: the <script type="application/json"> is ["endpoint","/test-api/directory"], not an object of ' +
        'options like {"endpoint": "…", "radius": 10}.',
    ]);
  });

  it('names the entry of a script as it is written there', async () => {
    const finder = await fixture<SpineFinder>(`<spine-finder>
      <script type="application/json">{"endpoint": "/test-api/directory", "layout": "wide"}</script>
    </spine-finder>`);
    expect(warnings).to.deep.equal([
      'spine-finder: "layout": "wide" in the <script type="application/json"> is not valid: layout takes one of ' +
        'full, compact; left out.',
    ]);
    expect(finder.endpoint).to.equal('/test-api/directory');
    expect(finder.layout).to.equal('full');
  });

  it('tells each wrong attribute once, by its name, and falls back', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder
        endpoint="/test-api/directory"
        radius="ten"
        sort="closest"
        request-credentials="always"
        filters="{telehealth}"
      ></spine-finder>`,
    );
    expect(warnings).to.have.members([
      `spine-finder: filters='{telehealth}' is not valid: filters takes an object (JSON in the attribute) with any ` +
        'of disciplines (a list of chiropractic, physical-therapy, osteopathic, medical, other), ' +
        'acceptingNewPatients, telehealth, registryParticipant (true or false), language, insurance and query ' +
        '(text); searching without filters.',
      `spine-finder: sort='closest' is not valid: sort takes one of distance, name, quality; sorting nearest first.`,
      `spine-finder: radius='ten' is not valid: radius takes a number above 0; using the default radius.`,
      `spine-finder: request-credentials='always' is not valid: request-credentials takes one of omit, ` +
        'same-origin, include; sending no cookies (omit).',
    ]);
    expect(warnings).to.have.length(4);
    expect(await radiusOfNextSearch(finder, '60614')).to.equal(25);
    expect(partsOf(finder).cardNames()).to.deep.equal(ALL_NEAR_60614);
    expect(warnings).to.have.length(4);
  });

  it('tells a wrong property by its name', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    finder.limit = -1;
    await finder.updateComplete;
    expect(warnings).to.deep.equal([
      'spine-finder: limit = -1 is not valid: limit takes a number above 0; asking for the default number at a time.',
    ]);
  });
});
