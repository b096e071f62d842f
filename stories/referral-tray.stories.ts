import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { SpineReferralTray } from '../src/components/referral-tray/referral-tray.js';
import type { SpineReferralClearEvent } from '../src/referral/events.js';
import { SAMPLE_MATCHES } from './story-data.js';

interface TrayArgs {
  count: number;
  lang: 'en' | 'es';
}

/** Empties the sheet as a finder would: the tray asks, the host sets `providers`. */
function handleClear(event: SpineReferralClearEvent) {
  (event.target as SpineReferralTray).providers = [];
}

const meta: Meta<TrayArgs> = {
  title: 'Elements/spine-referral-tray',
  component: 'spine-referral-tray',
  args: { count: 1, lang: 'en' },
  argTypes: {
    count: { control: { type: 'range', min: 0, max: SAMPLE_MATCHES.length } },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
  },
  // A new lang needs a new tray: the language is resolved when it connects.
  render: ({ count, lang }) => html`
    <div lang=${lang}>
      ${keyed(
        `${lang}-${count}`,
        html`<spine-referral-tray
          style="max-width: 48rem"
          .providers=${SAMPLE_MATCHES.slice(0, count).map((match) => match.provider)}
          @spine-referral-clear=${handleClear}
        ></spine-referral-tray>`,
      )}
    </div>
  `,
};
export default meta;

/** One clinician: "Print referral sheet" opens the print dialog with a one-clinician sheet. */
export const OneClinician: StoryObj<TrayArgs> = {};
/** Two clinicians; "Copy details" puts both on the clipboard, or shows them to copy by hand. */
export const TwoClinicians: StoryObj<TrayArgs> = { args: { count: 2 } };
/** In a Spanish page: the count, the buttons, the printed sheet and the copied text are all in Spanish. */
export const Spanish: StoryObj<TrayArgs> = { args: { count: 2, lang: 'es' } };
