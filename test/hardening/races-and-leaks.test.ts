/**
 * Races and leaks: quick searches in a row show only the last one's
 * results; a finder removed during a search stops it and leaves nothing
 * running; a finder mounted and removed a hundred times leaves nothing more
 * behind than one did. Requests are held at a gate of the test server
 * (scripts/test-endpoints.ts) so that every step waits on an event, never on
 * a guess at timing; what is left behind is counted by ./instrument.ts.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineResultsEvent } from '../../src/events.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import { instrument } from './instrument.js';
import type { Instrument, Leftovers } from './instrument.js';

interface GateLog {
  received: number;
  answered: number;
  aborted: number;
}

function uniqueKey(): string {
  return `g${Math.random().toString(36).slice(2)}`;
}

async function gateLog(key: string): Promise<GateLog> {
  return (await (await fetch(`/test-api/gate/${key}/log`)).json()) as GateLog;
}

async function untilGate(key: string, done: (log: GateLog) => boolean, what: string): Promise<void> {
  await waitUntil(async () => done(await gateLog(key)), what, { timeout: 5000 });
}

/** Waits until nothing the finder started is left, and says what is left if something stays. */
async function untilNothingLeft(tools: Instrument, snapshot: Leftovers): Promise<Leftovers> {
  const empty = (left: Leftovers) =>
    left.listeners.length + left.timers.length + left.fetches.length + left.workers + left.maps === 0;
  try {
    await waitUntil(() => empty(tools.since(snapshot)), 'left behind', { timeout: 3000, interval: 20 });
  } catch {
    // The assertion below shows what stayed.
  }
  return tools.since(snapshot);
}

const NOTHING: Leftovers = { listeners: [], timers: [], fetches: [], workers: 0, maps: 0 };

describe('quick searches in a row', () => {
  it('show only the last one’s results, each earlier request aborted', async function () {
    this.timeout(20_000);
    const key = uniqueKey();
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/gate/${key}"></spine-finder>`);
    const results: SpineResultsEvent[] = [];
    finder.addEventListener('spine-results', (event) => results.push(event));
    const places = ['60614', 'Evanston, IL', '60201', '60611', '60657'];
    for (const [index, place] of places.entries()) {
      finder.search(place);
      // Each search reaches the directory before the next one starts.
      await untilGate(key, (log) => log.received === index + 1, `search ${index + 1} did not reach the directory`);
    }
    await untilGate(key, (log) => log.aborted === places.length - 1, 'the earlier requests were not aborted');

    const last = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
    await fetch(`/test-api/gate/${key}/open`, { method: 'POST' });
    expect((await last).place.label).to.equal('60657');
    expect(await gateLog(key)).to.deep.equal({ received: 5, answered: 1, aborted: 4 });
    expect(results.map((event) => event.place.label)).to.deep.equal(['60657']);
    await finder.updateComplete;
    expect(partsOf(finder).status.textContent).to.contain('of 60657');
  });
});

describe('a finder removed from the page', () => {
  let tools: Instrument;
  beforeEach(() => {
    tools = instrument();
  });
  afterEach(() => tools.remove());

  it('during a search aborts it and leaves no fetch, timer, listener, worker or map behind', async function () {
    this.timeout(20_000);
    const snapshot = tools.now();
    const key = uniqueKey();
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/gate/${key}"></spine-finder>`);
    await mapReady(partsOf(finder).map);
    expect(tools.since(snapshot).maps).to.equal(1, 'the map was made');
    finder.search('60614');
    await untilGate(key, (log) => log.received === 1, 'the search did not reach the directory');
    expect(tools.since(snapshot).fetches.some((entry) => entry.includes(`/test-api/gate/${key}`))).to.equal(true);

    finder.remove();
    await untilGate(key, (log) => log.aborted === 1, 'the directory request went on');
    expect(await untilNothingLeft(tools, snapshot)).to.deep.equal(NOTHING);
  });

  it('with a static directory ends the worker that holds its index', async function () {
    this.timeout(20_000);
    const snapshot = tools.now();
    const finder = await fixture<SpineFinder>(
      html`<spine-finder adapter="static" endpoint="/test/fixtures/static/providers.json" no-map></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    expect(tools.since(snapshot).workers).to.equal(1, 'the file is read in a worker');
    finder.remove();
    expect(await untilNothingLeft(tools, snapshot)).to.deep.equal(NOTHING);
  });

  it('and put back searches again', async function () {
    this.timeout(20_000);
    const finder = await fixture<SpineFinder>(
      html`<spine-finder adapter="static" endpoint="/test/fixtures/static/providers.json" no-map></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    const parent = finder.parentElement!;
    finder.remove();
    parent.append(finder);
    const event = await searchAndWait(finder, 'Evanston, IL');
    expect(event.matches.length).to.be.greaterThan(0);
  });

  it('a hundred times leaves no more behind than once', async function () {
    this.timeout(180_000);
    const mountSearchRemove = async () => {
      const finder = await fixture<SpineFinder>(
        html`<spine-finder endpoint="/test-api/directory" location="60614"></spine-finder>`,
      );
      await oneEvent(finder, 'spine-results');
      await mapReady(partsOf(finder).map);
      finder.remove();
    };
    // The first finder loads what every later one shares (Leaflet, the geo data, the styles).
    await mountSearchRemove();
    const snapshot = await untilNothingLeft(tools, tools.now());
    for (let i = 0; i < 100; i++) await mountSearchRemove();
    expect(await untilNothingLeft(tools, snapshot)).to.deep.equal(NOTHING);
  });
});
