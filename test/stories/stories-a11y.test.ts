/**
 * Every Storybook story, rendered as Storybook renders it (meta and story
 * args, render, decorators, play), passes the axe check. A story added
 * later is checked without anyone listing it here. Stories that need the
 * demo directory read it from the test runner's /api/directory, as under
 * `storybook dev`; test/stories/built-storybook.e2e.ts opens the static
 * build, where they read it as a file.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define.js';
import * as filters from '../../stories/filters.stories.js';
import * as finder from '../../stories/finder.stories.js';
import * as map from '../../stories/map.stories.js';
import * as card from '../../stories/provider-card.stories.js';
import * as tray from '../../stories/referral-tray.stories.js';
import * as results from '../../stories/results.stories.js';
import * as searchBox from '../../stories/search-box.stories.js';

type Args = Record<string, unknown>;
type Render = (args: Args) => TemplateResult;
type Decorator = (story: () => TemplateResult) => TemplateResult;
type Play = (context: { canvasElement: HTMLElement; args: Args }) => Promise<void> | void;

/** `searching`: the story shows a search that has not finished, on purpose. */
type Parameters = { searching?: boolean };

interface StoryModule {
  default: { title: string; args?: Args; render?: Render; decorators?: Decorator[]; play?: Play };
  [name: string]: unknown;
}

interface Story {
  args?: Args;
  render?: Render;
  decorators?: Decorator[];
  play?: Play;
  parameters?: Parameters;
}

const MODULES = [filters, finder, map, card, tray, results, searchBox] as unknown as StoryModule[];

/**
 * Resolves when every spine element in the tree has rendered, and a finder's
 * search (if any) has settled, or, for a story of a search under way, shows
 * that it is searching.
 */
async function settled(root: HTMLElement, parameters: Parameters): Promise<void> {
  const elements = [...root.querySelectorAll('*')].filter((node) => node.localName.startsWith('spine-'));
  for (const element of elements) await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  const status = () =>
    root.querySelector('spine-finder')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
  if (parameters.searching) {
    await waitUntil(() => status().includes('Searching…'), 'the story does not show a search under way');
    return;
  }
  await waitUntil(() => !/Searching|Buscando/.test(status()), 'a story’s search did not finish', { timeout: 8000 });
}

for (const module of MODULES) {
  const meta = module.default;
  describe(`stories: ${meta.title}`, () => {
    for (const [name, exported] of Object.entries(module)) {
      if (name === 'default' || typeof exported !== 'object' || exported === null) continue;
      const story = exported as Story;
      it(`${name} passes axe`, async () => {
        const args = { ...meta.args, ...story.args };
        const render = story.render ?? meta.render!;
        const decorators = [...(story.decorators ?? []), ...(meta.decorators ?? [])];
        const template = decorators.reduce<() => TemplateResult>(
          (inner, decorate) => () => decorate(inner),
          () => render(args),
        )();
        const canvas = await fixture<HTMLElement>(template, { parentNode: document.createElement('div') });
        const root = canvas.parentElement!;
        const play = 'play' in story ? story.play : meta.play;
        await play?.({ canvasElement: root, args });
        await settled(root, story.parameters ?? {});
        await expect(root).to.be.accessible();
      });
    }
  });
}
