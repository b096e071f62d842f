import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { toKm } from '../src/geo/distance.js';
import { LINCOLN_PARK, SAMPLE_MATCHES } from './story-data.js';

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
