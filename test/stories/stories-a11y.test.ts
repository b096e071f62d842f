/**
 * Every Storybook story, rendered as Storybook renders it (meta and story
 * args, render, decorators, play), passes the axe check. A story added
 * later is checked without anyone listing it here.
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

interface StoryModule {
  default: { title: string; args?: Args; render?: Render; decorators?: Decorator[]; play?: Play };
  [name: string]: unknown;
}

interface Story {
  args?: Args;
  render?: Render;
  decorators?: Decorator[];
  play?: Play;
}

const MODULES = [filters, finder, map, card, tray, results, searchBox] as unknown as StoryModule[];

/** Resolves when every spine element in the tree has rendered, and a finder's search (if any) has settled. */
async function settled(root: HTMLElement): Promise<void> {
  const elements = [...root.querySelectorAll('*')].filter((node) => node.localName.startsWith('spine-'));
  for (const element of elements) await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  const status = () =>
    root.querySelector('spine-finder')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
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
        await settled(root);
        await expect(root).to.be.accessible();
      });
    }
  });
}
