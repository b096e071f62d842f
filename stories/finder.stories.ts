import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { SpineFinder } from '../src/components/finder/finder.js';
import type { DirectoryAdapter } from '../src/directory/adapter.js';
import { DEMO_DIRECTORY, finderCards, MISSING_DIRECTORY, press, UNANSWERED_DIRECTORY } from './story-data.js';

/** The finder's attributes, by their names: each is a control, beside its row in the docs' table. */
interface FinderArgs {
  endpoint: string;
  adapter: 'json' | 'static' | 'fhir';
  location: string;
  layout: 'full' | 'compact';
  theme: '' | 'light' | 'dark';
  radius: number;
  units: 'mi' | 'km';
  limit: number;
  sort: 'distance' | 'name' | 'quality';
  'no-map': boolean;
  'no-geolocation': boolean;
  'finder-url': string;
  filters: string;
  'sync-url': boolean;
  timeout: number;
  'request-credentials': 'omit' | 'same-origin' | 'include';
  /** Kilometres, or `exact`. */
  'coordinate-precision': string;
  'tile-url': string;
  'tile-attribution': string;
  basemap: string;
  'basemap-attribution': string;
  /** Set on a wrapper, as a page in that language has it. */
  lang: 'en' | 'es';
}

/** Attributes typed in as text: the manifest's `string | undefined` or `number | 'exact'` would get an object editor. */
const TEXT_ATTRIBUTES = [
  'endpoint',
  'location',
  'finder-url',
  'filters',
  'coordinate-precision',
  'tile-url',
  'tile-attribution',
  'basemap',
  'basemap-attribution',
] as const;

/** The finder's defaults, with the demo directory. */
const DEFAULTS: FinderArgs = {
  ...DEMO_DIRECTORY,
  location: '',
  layout: 'full',
  theme: '',
  radius: 25,
  units: 'mi',
  limit: 50,
  sort: 'distance',
  'no-map': false,
  'no-geolocation': false,
  'finder-url': '',
  filters: '',
  'sync-url': false,
  timeout: 10000,
  'request-credentials': 'omit',
  'coordinate-precision': '1',
  'tile-url': '',
  'tile-attribution': '',
  basemap: '',
  'basemap-attribution': '',
  lang: 'en',
};

const meta: Meta<FinderArgs> = {
  title: 'Elements/spine-finder',
  component: 'spine-finder',
  args: DEFAULTS,
  // Controls for the attributes the story sets (and `lang`); the docs table lists every attribute.
  parameters: { controls: { include: Object.keys(DEFAULTS) } },
  argTypes: {
    ...Object.fromEntries(TEXT_ATTRIBUTES.map((name) => [name, { control: 'text' }])),
    'request-credentials': { control: 'inline-radio', options: ['omit', 'same-origin', 'include'] },
    adapter: { control: 'inline-radio', options: ['json', 'static', 'fhir'] },
    layout: { control: 'inline-radio', options: ['full', 'compact'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    units: { control: 'inline-radio', options: ['mi', 'km'] },
    sort: { control: 'inline-radio', options: ['distance', 'name', 'quality'] },
    radius: { control: 'select', options: [5, 10, 25, 50, 100] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
  },
  // A new finder for new args: `location` is searched when the finder starts.
  render: (args) => html`
    <div lang=${args.lang}>
      ${keyed(
        JSON.stringify(args),
        html`<spine-finder
          endpoint=${args.endpoint}
          adapter=${args.adapter}
          location=${args.location || nothing}
          layout=${args.layout}
          theme=${args.theme || nothing}
          radius=${args.radius}
          units=${args.units}
          limit=${args.limit}
          sort=${args.sort}
          ?no-map=${args['no-map']}
          ?no-geolocation=${args['no-geolocation']}
          finder-url=${args['finder-url'] || nothing}
          filters=${args.filters || nothing}
          ?sync-url=${args['sync-url']}
          timeout=${args.timeout}
          request-credentials=${args['request-credentials']}
          coordinate-precision=${args['coordinate-precision']}
          tile-url=${args['tile-url'] || nothing}
          tile-attribution=${args['tile-attribution'] || nothing}
          basemap=${args.basemap || nothing}
          basemap-attribution=${args['basemap-attribution'] || nothing}
        ></spine-finder>`,
      )}
    </div>
  `,
};
export default meta;

type Story = StoryObj<FinderArgs>;

function finderIn(canvasElement: HTMLElement): SpineFinder {
  return canvasElement.querySelector<SpineFinder>('spine-finder')!;
}

/** Ready for a search against the demo directory (type 60614 or "Chicago, IL"). */
export const Initial: Story = {};

/** A directory that has not answered yet: "Searching…", and a busy Search button. */
export const Loading: Story = {
  args: { location: '60614' },
  // Its own directory, which never answers: the attributes' controls would change nothing.
  parameters: { searching: true, controls: { disable: true } },
  render: (args) =>
    html`<spine-finder
      .adapter=${UNANSWERED_DIRECTORY satisfies DirectoryAdapter}
      location=${args.location}
    ></spine-finder>`,
};

/** Results around ZIP 60614 in Chicago: the list and the map in step. */
export const Results: Story = { args: { location: '60614' } };

/** Nothing within 5 miles: the finder offers a wider search and telehealth. */
export const NoResults: Story = { args: { location: '59001', radius: 5 } };

/** The directory answers with an error (404): the alert says so and offers Retry. */
export const ErrorWithRetry: Story = {
  name: 'Error',
  args: { ...MISSING_DIRECTORY, location: '60614' },
};

/** A hundred clinicians within 100 miles of Chicago, and "Show more clinicians" for the rest. */
export const ManyResults: Story = { args: { location: 'Chicago, IL', radius: 100, limit: 100 } };

/** A clinician's details open in the list: locations, hours, directions, insurance. */
export const DetailsOpen: Story = {
  args: { location: '60614' },
  play: async ({ canvasElement }) => {
    const [card] = await finderCards(finderIn(canvasElement));
    await press(card, 'details-button');
  },
};

/** On a page in Spanish: every word, number and date in Spanish, a clinician's details open. */
export const Spanish: Story = {
  args: { location: '60614', lang: 'es' },
  play: DetailsOpen.play,
};

/** theme="dark": the dark scheme, whatever the system prefers. */
export const Dark: Story = {
  args: { location: '60614', theme: 'dark' },
  decorators: [(story) => html`<div style="background: #0e1116; padding: 1rem">${story()}</div>`],
};

/** A search by "City, ST", in kilometres. */
export const CityInKilometres: Story = { args: { location: 'Denver, CO', units: 'km', radius: 10 } };

/** The list alone, for pages with no room for a map. */
export const ListOnly: Story = { args: { location: '60614', 'no-map': true } };

/** On a phone: list or map, one at a time, with a switch. */
export const Narrow: Story = {
  args: { location: '60614' },
  decorators: [(story) => html`<div style="max-width: 360px">${story()}</div>`],
};

/** A partner clinic's page (layout="compact"): the nearest practitioners, list only, with a link to the full finder. */
export const Nearby: Story = {
  args: { location: '60614', layout: 'compact', limit: 3, 'finder-url': '/demo/' },
};
