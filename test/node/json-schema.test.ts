/**
 * The published JSON Schemas are generated from the zod schemas and agree
 * with them on what is valid.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import { generateDemoDirectory } from '../../scripts/demo-directory.js';
import { buildJsonSchemas } from '../../scripts/json-schema.js';
import { ProviderSchema } from '../../src/directory/schema.js';

const generated = buildJsonSchemas();

function validators() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  for (const text of generated.values()) ajv.addSchema(JSON.parse(text));
  return {
    provider: ajv.getSchema('https://spine-finder.example/schema/provider.schema.json')!,
    response: ajv.getSchema('https://spine-finder.example/schema/directory-response.schema.json')!,
  };
}

describe('the published JSON Schemas', () => {
  it('are up to date with src/directory/schema.ts (run `npm run schema`)', () => {
    for (const [file, text] of generated) {
      assert.equal(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8'), text, file);
    }
  });

  it('accept every record the finder accepts: the samples and the demo directory', () => {
    const { provider, response } = validators();
    const records = [...SAMPLE_PROVIDERS, ...generateDemoDirectory({ count: 300 })];
    for (const record of records) {
      assert.equal(ProviderSchema.safeParse(record).success, true);
      assert.equal(provider(record), true, JSON.stringify(provider.errors));
    }
    assert.equal(response({ version: 1, providers: records, total: records.length, next: 'abc' }), true);
  });

  it('reject records the finder rejects', () => {
    const { provider, response } = validators();
    const valid = SAMPLE_PROVIDERS[0];
    const invalid = [
      { ...valid, id: undefined },
      { ...valid, name: '' },
      { ...valid, location: { lat: 91, lng: 0 } },
      { ...valid, location: { lat: 10 } },
      { ...valid, discipline: 'astrology' },
      { ...valid, languages: 'Spanish' },
      { ...valid, telehealth: 'yes' },
    ];
    for (const record of invalid) {
      assert.equal(ProviderSchema.safeParse(record).success, false, JSON.stringify(record));
      assert.equal(provider(record), false, JSON.stringify(record));
    }
    assert.equal(response({ results: [] }), false);
  });
});
