/**
 * docs/events.md describes every event the package exports, field by field:
 * a field added to an event class without a line in the doc fails here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as events from '../../src/events.js';
import { SpineReferralClearEvent } from '../../src/referral/events.js';
import { read } from './element-sources.js';

type EventClass = (new (...args: unknown[]) => Event) & { eventName: string };

const EVENT_CLASSES = ([...Object.values(events), SpineReferralClearEvent] as unknown[]).filter(
  (value): value is EventClass => typeof value === 'function' && 'eventName' in value,
);
const doc = read('docs/events.md');

/** The doc's section for an event: from its heading to the next. */
function section(name: string): string {
  const start = doc.indexOf(`### \`${name}\`\n`);
  if (start < 0) return '';
  const next = doc.indexOf('\n#', start + 1);
  return doc.slice(start, next < 0 ? undefined : next);
}

describe('docs/events.md', () => {
  for (const eventClass of EVENT_CLASSES) {
    it(`describes ${eventClass.eventName} (${eventClass.name}) and each of its fields`, () => {
      const text = section(eventClass.eventName);
      assert.ok(text, `no "### \`${eventClass.eventName}\`" section`);
      assert.match(text, new RegExp(`\`${eventClass.name}\``));
      // The fields are the constructor's parameter properties: own properties of an instance.
      const fields = Object.keys(new eventClass(...(Array(eventClass.length).fill(undefined) as unknown[])));
      assert.ok(fields.length > 0);
      const undocumented = fields.filter((field) => !new RegExp(`^\\| \`${field}\` +\\|`, 'm').test(text));
      assert.deepEqual(undocumented, [], `fields of ${eventClass.name} with no row in its table`);
    });
  }

  it('says the finder tracks nothing and warns against sending a location to analytics', () => {
    assert.match(doc, /sends nothing anywhere itself/);
    assert.match(doc, /Do not send a patient's location to analytics/);
  });
});
