import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { SpineProviderCard } from '../src/components/provider-card/provider-card.js';
import type { SpineReferralToggleEvent } from '../src/events.js';
import { press, SAMPLE_MATCHES, whenShown } from './story-data.js';

interface CardArgs {
  index: number;
  units: 'mi' | 'km';
  selected: boolean;
  onReferral: boolean;
  detailsOpen: boolean;
  lang: 'en' | 'es';
}

/** Ana Lopez: registry participant with two outcome measures, hours and a second location. */
const ANA = SAMPLE_MATCHES.findIndex((match) => match.provider.id === 'fx-1');
/** Carla Nguyen: name, credentials and discipline only. */
const CARLA = SAMPLE_MATCHES.findIndex((match) => match.provider.id === 'fx-3');

/** Keeps the sheet as a finder would: the card asks, the host sets `onReferral`. */
function handleReferralToggle(event: SpineReferralToggleEvent) {
  (event.target as SpineProviderCard).onReferral = event.included;
}

const meta: Meta<CardArgs> = {
  title: 'Elements/spine-provider-card',
  component: 'spine-provider-card',
  args: { index: ANA, units: 'mi', selected: false, onReferral: false, detailsOpen: false, lang: 'en' },
  argTypes: {
    index: { control: { type: 'range', min: 0, max: SAMPLE_MATCHES.length - 1 } },
    units: { control: 'inline-radio', options: ['mi', 'km'] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
  },
  // A new lang needs a new card: the language is resolved when it connects.
  render: ({ index, units, selected, onReferral, detailsOpen, lang }) => html`
    <div lang=${lang}>
      ${keyed(
        lang,
        html`<spine-provider-card
          style="max-width: 28rem"
          .provider=${SAMPLE_MATCHES[index].provider}
          .distanceKm=${SAMPLE_MATCHES[index].distanceKm}
          .onReferral=${onReferral}
          units=${units}
          ?selected=${selected}
          ?details-open=${detailsOpen}
          @spine-referral-toggle=${handleReferralToggle}
        ></spine-provider-card>`,
      )}
    </div>
  `,
};
export default meta;

/**
 * Every field filled in: badges, contact, links, and a Spine IQ registry
 * participant's outcome measures with "What does this mean?".
 */
export const RegistryParticipantWithOutcomes: StoryObj<CardArgs> = {};
/** The details open: both locations with hours and directions, and the insurance plans. */
export const DetailsOpen: StoryObj<CardArgs> = { args: { detailsOpen: true } };
/** "What does this mean?" pressed: what the outcome measures mean. */
export const OutcomesExplained: StoryObj<CardArgs> = {
  play: async ({ canvasElement }) => {
    const card = await whenShown(
      () => canvasElement.querySelector<SpineProviderCard>('spine-provider-card'),
      'the card',
    );
    await press(card, 'explain-button');
  },
};
/** On the referral sheet. */
export const OnReferralSheet: StoryObj<CardArgs> = { args: { onReferral: true } };
/** In Spanish, details open. */
export const Spanish: StoryObj<CardArgs> = { args: { lang: 'es', detailsOpen: true } };
/** Not accepting new patients, offers telehealth. */
export const Telehealth: StoryObj<CardArgs> = {
  args: { index: SAMPLE_MATCHES.findIndex((match) => match.provider.id === 'fx-2') },
};
/** Only name, credentials and discipline: no badges, outcomes or details. */
export const Minimal: StoryObj<CardArgs> = { args: { index: CARLA } };
export const Selected: StoryObj<CardArgs> = { args: { selected: true } };
