import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SAMPLE_MATCHES } from './story-data.js';

interface CardArgs {
  index: number;
  units: 'mi' | 'km';
  selected: boolean;
}

const meta: Meta<CardArgs> = {
  title: 'Elements/spine-provider-card',
  component: 'spine-provider-card',
  args: { index: 0, units: 'mi', selected: false },
  argTypes: {
    index: { control: { type: 'range', min: 0, max: SAMPLE_MATCHES.length - 1 } },
    units: { control: 'inline-radio', options: ['mi', 'km'] },
  },
  render: ({ index, units, selected }) => html`
    <spine-provider-card
      style="max-width: 28rem"
      .provider=${SAMPLE_MATCHES[index].provider}
      .distanceKm=${SAMPLE_MATCHES[index].distanceKm}
      units=${units}
      ?selected=${selected}
    ></spine-provider-card>
  `,
};
export default meta;

/** Every field filled in: badges, contact, languages, insurance, links. */
export const Complete: StoryObj<CardArgs> = {};
/** Not accepting new patients, offers telehealth. */
export const Telehealth: StoryObj<CardArgs> = { args: { index: 1 } };
/** Only the required fields. */
export const Minimal: StoryObj<CardArgs> = { args: { index: 2 } };
export const Selected: StoryObj<CardArgs> = { args: { selected: true } };
