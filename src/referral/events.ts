/**
 * The referral tools' own event. The other referral events (toggle, print,
 * copy) are in `src/events.ts`; this one is declared here, in the same way.
 */
import type { Provider } from '../directory/schema.js';

/** A person asked to take every clinician off the referral sheet (from `<spine-referral-tray>`). */
export class SpineReferralClearEvent extends Event {
  static readonly eventName = 'spine-referral-clear';
  constructor(
    /** The clinicians that were on the sheet. */
    readonly providers: readonly Provider[],
  ) {
    super(SpineReferralClearEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'spine-referral-clear': SpineReferralClearEvent;
  }
}
