/**
 * The string tables are complete: every key of one language is in the
 * other, with the same kind of value, all the way down.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';

/** Every key path of a table with the kind of its value: "discipline.chiropractic: string". */
function shape(table: object, prefix = ''): string[] {
  return Object.entries(table)
    .flatMap(([key, value]) =>
      value && typeof value === 'object'
        ? shape(value as object, `${prefix}${key}.`)
        : [
            `${prefix}${key}: ${typeof value}${typeof value === 'function' ? `/${(value as () => unknown).length}` : ''}`,
          ],
    )
    .sort();
}

describe('the string tables', () => {
  it('have the same keys, each with the same kind of value and the same arguments', () => {
    const english = shape(en);
    const spanish = shape(es);
    assert.deepEqual(
      english.filter((entry) => !spanish.includes(entry)),
      [],
      'in English but not in Spanish (or of another kind)',
    );
    assert.deepEqual(
      spanish.filter((entry) => !english.includes(entry)),
      [],
      'in Spanish but not in English (or of another kind)',
    );
  });

  it('leave no text empty', () => {
    for (const [name, table] of [
      ['en', en],
      ['es', es],
    ] as const) {
      const empty = shape(table)
        .filter((entry) => entry.endsWith(': string'))
        .filter((entry) => {
          const path = entry.split(':')[0].split('.');
          const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], table);
          return typeof value === 'string' && value.trim() === '';
        });
      assert.deepEqual(empty, [], `${name} has empty strings`);
    }
  });

  it('are not English in Spanish: every sentence is translated', () => {
    // The same in both languages on purpose: punctuation and product names.
    const alike = ['listSeparator', 'mapApps.google', 'mapApps.apple'];
    const same = shape(en)
      .filter((entry) => entry.endsWith(': string'))
      .map((entry) => entry.split(':')[0])
      .filter((path) => {
        const read = (table: object) =>
          path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], table) as string;
        // Words that are the same in both languages (Fax, a name) are fine; sentences are not.
        return read(en) === read(es) && read(en).includes(' ') && !alike.includes(path);
      });
    assert.deepEqual(same, []);
  });
});
