import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DirectoryFilters, SortOrder } from '../src/directory/filters.js';

interface FiltersArgs {
  filters: DirectoryFilters;
  sort: SortOrder;
}

const meta: Meta<FiltersArgs> = {
  title: 'Elements/spine-filters',
  component: 'spine-filters',
  args: { filters: {}, sort: 'distance' },
  argTypes: { sort: { control: 'inline-radio', options: ['distance', 'name', 'quality'] } },
  render: ({ filters, sort }) => html`
    <spine-filters
      .filters=${filters}
      sort=${sort}
      .languageOptions=${['English', 'Polish', 'Spanish', 'Vietnamese']}
      .insuranceOptions=${['Aetna', 'Blue Cross Blue Shield', 'Medicaid', 'Medicare']}
    ></spine-filters>
  `,
};
export default meta;

export const None: StoryObj<FiltersArgs> = {};

/** A referral for a Spanish-speaking patient on Medicare. */
export const Referral: StoryObj<FiltersArgs> = {
  args: {
    filters: { acceptingNewPatients: true, language: 'Spanish', insurance: 'Medicare', disciplines: ['chiropractic'] },
  },
};

export const Spanish: StoryObj<FiltersArgs> = {
  decorators: [(story) => html`<div lang="es">${story()}</div>`],
};
