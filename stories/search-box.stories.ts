import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface SearchBoxArgs {
  value: string;
  radius: number;
  units: 'mi' | 'km';
}

const meta: Meta<SearchBoxArgs> = {
  title: 'Elements/spine-search-box',
  component: 'spine-search-box',
  args: { value: '', radius: 25, units: 'mi' },
  argTypes: { units: { control: 'inline-radio', options: ['mi', 'km'] } },
  render: (args) =>
    html`<spine-search-box .value=${args.value} radius=${args.radius} units=${args.units}></spine-search-box>`,
};
export default meta;

export const Empty: StoryObj<SearchBoxArgs> = {};
export const Filled: StoryObj<SearchBoxArgs> = { args: { value: 'Chicago, IL', radius: 10 } };
