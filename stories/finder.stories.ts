import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { SpineFinder } from '../src/components/finder/finder.js';

interface FinderArgs {
  endpoint: string;
  noMap: boolean;
  radius: number;
  units: 'mi' | 'km';
  limit: number;
  location: string;
}

const meta: Meta<FinderArgs> = {
  title: 'Elements/spine-finder',
  component: 'spine-finder',
  args: { endpoint: '/api/directory', noMap: false, radius: 25, units: 'mi', limit: 50, location: '' },
  argTypes: {
    units: { control: 'inline-radio', options: ['mi', 'km'] },
    location: { description: 'Searched when the story loads (a ZIP or "City, ST").' },
  },
  render: (args) => html`
    <spine-finder
      endpoint=${args.endpoint}
      ?no-map=${args.noMap}
      radius=${args.radius}
      units=${args.units}
      limit=${args.limit}
      data-location=${args.location || nothing}
    ></spine-finder>
  `,
  play: async ({ canvasElement }) => {
    const finder = canvasElement.querySelector<SpineFinder>('spine-finder')!;
    await finder.updateComplete;
    if (finder.dataset.location) finder.search(finder.dataset.location);
  },
};
export default meta;

type Story = StoryObj<FinderArgs>;

/** Ready for a search against the embedded demo directory. */
export const Initial: Story = {};

/** Results around ZIP 60614 in Chicago. */
export const Results: Story = { args: { location: '60614' } };

/** A search by "City, ST", in kilometres. */
export const CityInKilometres: Story = { args: { location: 'Denver, CO', units: 'km', radius: 10 } };

/** A directory that answers with a server error: the alert offers Retry. */
export const EndpointError: Story = { args: { endpoint: '/api/no-such-directory', location: '60614' } };

/** The list alone, for pages with no room for a map. */
export const ListOnly: Story = { args: { noMap: true, location: '60614' } };

/** On a phone: list or map, one at a time, with a switch. */
export const Narrow: Story = {
  args: { location: '60614' },
  decorators: [(story) => html`<div style="max-width: 360px">${story()}</div>`],
};

/** A partner clinic's page: the nearest practitioners to the clinic, list only, with a link to the full finder. */
export const Nearby: Story = {
  render: () => html`
    <spine-finder
      layout="compact"
      endpoint="/api/directory"
      location="60614"
      limit="3"
      finder-url="/demo/"
    ></spine-finder>
  `,
  play: undefined,
};

/** Nothing nearby: the finder offers a wider search, clearing filters and telehealth. */
export const NoResults: Story = {
  args: { location: '59001', radius: 5 },
};
