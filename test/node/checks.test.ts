/**
 * The package's checks of a configuration and of filters (src/checks.ts and
 * the tables that use it): where a value first goes wrong, as the finder's
 * console messages name it, and nothing for what is right.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFilters, checkFinderConfig } from '../../src/index.js';

describe('checkFilters', () => {
  it('accepts every filter, and none', () => {
    assert.equal(checkFilters({}), undefined);
    assert.equal(
      checkFilters({
        disciplines: ['chiropractic', 'physical-therapy'],
        acceptingNewPatients: true,
        telehealth: false,
        registryParticipant: true,
        language: 'Spanish',
        insurance: 'Aetna',
        query: 'Lake',
      }),
      undefined,
    );
    // Absent, as a framework may write it.
    assert.equal(checkFilters({ telehealth: undefined }), undefined);
  });

  it('names the first wrong filter, in the order filters are described, then a key that is not one', () => {
    assert.deepEqual(checkFilters({ query: 3, telehealth: 'yes' }), ['telehealth']);
    assert.deepEqual(checkFilters({ disciplines: ['medical', 'massage', 'reiki'] }), ['disciplines', 1]);
    assert.deepEqual(checkFilters({ disciplines: 'medical' }), ['disciplines']);
    assert.deepEqual(checkFilters({ colour: 'red', acceptingNewPatients: null }), ['acceptingNewPatients']);
    assert.deepEqual(checkFilters({ colour: 'red', size: 2 }), ['colour']);
  });

  it('takes only an object', () => {
    for (const value of [null, 'telehealth', 1, true, [], ['telehealth']]) assert.deepEqual(checkFilters(value), []);
  });
});

describe('checkFinderConfig', () => {
  it('accepts a configuration of every kind of entry', () => {
    assert.equal(
      checkFinderConfig({
        endpoint: '/api/directory',
        adapter: { search: async () => ({ matches: [] }) },
        filters: { telehealth: true },
        sort: 'quality',
        radius: 10,
        units: 'km',
        coordinatePrecision: 'exact',
        requestHeaders: { 'X-Api-Key': 'k' },
        requestCredentials: 'include',
        noMap: true,
        translations: { en: { searchButton: 'Find' }, fr: { searchButton: 'Rechercher' } },
        geocoder: async () => [],
      }),
      undefined,
    );
    assert.equal(checkFinderConfig({ adapter: 'fhir', coordinatePrecision: 0 }), undefined);
  });

  it('names where an entry goes wrong', () => {
    assert.deepEqual(checkFinderConfig({ radius: 0 }), ['radius']);
    assert.deepEqual(checkFinderConfig({ limit: Infinity }), ['limit']);
    assert.deepEqual(checkFinderConfig({ timeout: Number.NaN }), ['timeout']);
    assert.deepEqual(checkFinderConfig({ coordinatePrecision: -1 }), ['coordinatePrecision']);
    assert.deepEqual(checkFinderConfig({ sort: 'closest' }), ['sort']);
    assert.deepEqual(checkFinderConfig({ adapter: { search: 'no' } }), ['adapter']);
    assert.deepEqual(checkFinderConfig({ requestHeaders: { 'X-Api-Key': 42 } }), ['requestHeaders']);
    assert.deepEqual(checkFinderConfig({ filters: { disciplines: ['x'] } }), ['filters', 'disciplines', 0]);
    assert.deepEqual(checkFinderConfig({ translations: { en: { noResults: 'Nobody' } } }), [
      'translations',
      'en',
      'noResults',
    ]);
    assert.deepEqual(checkFinderConfig({ translations: { en: 'Find' } }), ['translations', 'en']);
    assert.deepEqual(checkFinderConfig({ colour: 'red' }), ['colour']);
  });
});
