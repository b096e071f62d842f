import { createApp, defineComponent, ref } from 'vue';
import 'spine-finder/elements/spine-finder.js';
import type { DirectoryFilters, SpineFinder, SpineResultsEvent, SpineSelectEvent } from 'spine-finder';

export const FinderPanel = defineComponent({
  props: { endpoint: { type: String, required: true } },
  emits: { choose: (name: string) => typeof name === 'string' },
  setup(_, { emit }) {
    const finder = ref<SpineFinder>();
    const found = ref<number>();
    const filters: DirectoryFilters = { acceptingNewPatients: true };
    return {
      finder,
      found,
      filters,
      onResults: (event: SpineResultsEvent) => (found.value = event.matches.length),
      onSelect: (event: SpineSelectEvent) => emit('choose', event.provider.name),
      searchChicago: () => finder.value?.search('Chicago, IL'),
    };
  },
  // `.prop` sets filters (an object) as a property; @spine-results listens to the element's event.
  template: `
    <section>
      <spine-finder
        ref="finder"
        :endpoint="endpoint"
        location="60614"
        no-map
        :filters.prop="filters"
        @spine-results="onResults"
        @spine-select="onSelect"
      ></spine-finder>
      <button type="button" @click="searchChicago">Search Chicago</button>
      <p v-if="found !== undefined" role="status">{{ found }} accepting new patients</p>
    </section>
  `,
});

export function createFinderApp(props: { endpoint: string; onChoose?: (name: string) => void }) {
  const app = createApp(FinderPanel, props);
  // <spine-finder> is a custom element, not a Vue component: Vue leaves it to the browser.
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('spine-');
  return app;
}
