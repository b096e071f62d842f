import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { toKm } from '../src/geo/distance.js';
import type { SpineMap } from '../src/components/map/map.js';
import { GROUP_PRACTICE, LINCOLN_PARK, SAMPLE_MATCHES, scatteredMatches, whenShown } from './story-data.js';

interface MapArgs {
  radiusMiles: number;
  selectedId: string;
  tileUrl: string;
  tileAttribution: string;
}

const meta: Meta<MapArgs> = {
  title: 'Elements/spine-map',
  component: 'spine-map',
  args: { radiusMiles: 10, selectedId: '', tileUrl: '', tileAttribution: '' },
  argTypes: {
    selectedId: { control: 'select', options: ['', ...SAMPLE_MATCHES.map((match) => match.provider.id)] },
    tileUrl: { description: 'A raster XYZ tile URL. Empty: the offline basemap only (no third-party requests).' },
  },
  render: (args) => html`
    <spine-map
      .results=${SAMPLE_MATCHES}
      .center=${LINCOLN_PARK}
      .radiusKm=${toKm(args.radiusMiles, 'mi')}
      .selectedId=${args.selectedId || undefined}
      .tileUrl=${args.tileUrl || undefined}
      .tileAttribution=${args.tileAttribution || undefined}
    ></spine-map>
  `,
};
export default meta;

/** The offline basemap (US states from us-atlas) with the sample clinicians. */
export const OfflineBasemap: StoryObj<MapArgs> = {};
export const WithSelection: StoryObj<MapArgs> = { args: { selectedId: 'fx-1' } };
/** No results yet: the whole country. */
export const Empty: StoryObj<MapArgs> = {
  render: () => html`<spine-map></spine-map>`,
};

/** 2,000 clinicians around Chicago: clusters say how many they hold; Enter or a click zooms in. */
export const Clusters: StoryObj<MapArgs> = {
  render: () =>
    html`<spine-map .results=${scatteredMatches(2000)} .center=${LINCOLN_PARK} .radiusKm=${40}></spine-map>`,
};

/** Three clinicians at one address: one marker that opens a list of them. */
export const GroupPractice: StoryObj<MapArgs> = {
  render: () =>
    html`<spine-map
      .results=${[...GROUP_PRACTICE, ...SAMPLE_MATCHES]}
      .center=${LINCOLN_PARK}
      .radiusKm=${3}
    ></spine-map>`,
};

/** A group practice's marker pressed: the list of its clinicians, each one a button to their card. */
export const GroupPracticeListOpen: StoryObj<MapArgs> = {
  render: GroupPractice.render,
  play: async ({ canvasElement }) => {
    const map = canvasElement.querySelector<SpineMap>('spine-map')!;
    const marker = await whenShown(() => map.markerElement(GROUP_PRACTICE[0].provider.id), 'the group practice');
    marker.click();
    await whenShown(() => map.shadowRoot!.querySelector('.spine-site-member'), 'the list of its clinicians');
  },
};

/** On a page in Spanish: the map's name, instructions, controls and the search area's button. */
export const Spanish: StoryObj<MapArgs> = {
  args: { selectedId: 'fx-1' },
  decorators: [(story) => html`<div lang="es">${story()}</div>`],
};

/** Tiles that cannot load: the offline basemap takes over and the map says nothing is lost. */
export const TilesFail: StoryObj<MapArgs> = {
  args: { tileUrl: '/no-such-tiles/{z}/{x}/{y}.png', tileAttribution: 'Example tiles' },
};
