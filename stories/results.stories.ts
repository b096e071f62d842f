import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SAMPLE_MATCHES } from './story-data.js';

interface ResultsArgs {
  units: 'mi' | 'km';
  selectedId: string;
}

const meta: Meta<ResultsArgs> = {
  title: 'Elements/spine-results',
  component: 'spine-results',
  args: { units: 'mi', selectedId: '' },
  argTypes: {
    units: { control: 'inline-radio', options: ['mi', 'km'] },
    selectedId: { control: 'select', options: ['', ...SAMPLE_MATCHES.map((match) => match.provider.id)] },
  },
  render: (args) => html`
    <spine-results .results=${SAMPLE_MATCHES} units=${args.units} .selectedId=${args.selectedId || undefined}>
    </spine-results>
  `,
};
export default meta;

export const List: StoryObj<ResultsArgs> = {};
export const WithSelection: StoryObj<ResultsArgs> = { args: { selectedId: 'fx-2' } };
/** On a page in Spanish, in kilometres. */
export const Spanish: StoryObj<ResultsArgs> = {
  args: { units: 'km' },
  decorators: [(story) => html`<div lang="es">${story()}</div>`],
};
