/**
 * Writes the JSON Schemas of the directory protocol, generated from the zod
 * schemas the finder validates with, so the published schema can never drift
 * from what the finder accepts:
 *
 *   schema/provider.schema.json            one Provider record
 *   schema/directory-response.schema.json  the answer of a json-protocol endpoint
 *
 * Run `npm run schema` after changing src/directory/schema.ts; a test fails
 * while the committed files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { DirectoryResponseSchema, EmailSchema, ProviderSchema, WebLinkSchema } from '../src/directory/schema.js';

const BASE_ID = 'https://spine-finder.example/schema/';

const DESCRIPTIONS: Record<string, string> = {
  id: 'Unique within the directory. A number is read as its decimal string.',
  name: "The clinician's name without credentials.",
  location: 'Where the clinician sees patients, in WGS 84 decimal degrees.',
  credentials: 'Shown after the name, e.g. ["PT", "DPT"].',
  discipline: 'The kind of care.',
  practice: 'Practice or clinic name.',
  address: 'Postal address of the practice.',
  phone: 'As it should be read; the finder links its digits with tel:.',
  fax: 'As it should be read.',
  email:
    'One e-mail address, linked with mailto:; anything else (a mailto: with headers, two addresses) is dropped from the record.',
  website: 'An absolute http: or https: URL; anything else is dropped from the record.',
  bookingUrl: 'An absolute http: or https: URL for booking; anything else is dropped from the record.',
  languages: 'Languages spoken with patients, as names (e.g. "Spanish").',
  acceptingNewPatients: 'Whether the clinician accepts new patients.',
  telehealth: 'Whether the clinician offers telehealth visits.',
  insurance: 'Insurance plans accepted.',
  version: 'The protocol version the server speaks. This finder reads version 1.',
  providers: 'The providers found, nearest first. Each is validated on its own.',
  total: 'How many providers match in all, when more than were returned.',
  next: 'An opaque cursor: send it back as `cursor` to get the next page.',
};

function describe(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    if (DESCRIPTIONS[name]) property.description = DESCRIPTIONS[name];
  }
  return schema;
}

function toJsonSchema(schema: z.core.$ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io: 'input',
    override: (context) => {
      // The link schema accepts anything and keeps only safe URLs; what a
      // directory should send is a URL string.
      if (context.zodSchema === WebLinkSchema) {
        Object.assign(context.jsonSchema, { type: 'string', format: 'uri' });
      }
      if (context.zodSchema === EmailSchema) {
        Object.assign(context.jsonSchema, { type: 'string', format: 'email' });
      }
    },
  }) as Record<string, unknown>;
}

export function buildJsonSchemas(): Map<string, string> {
  const provider = describe(toJsonSchema(ProviderSchema));
  const response = describe(toJsonSchema(DirectoryResponseSchema));
  (response.properties as Record<string, Record<string, unknown>>).providers.items = {
    $ref: 'provider.schema.json',
  };
  const documents: Array<[string, string, Record<string, unknown>]> = [
    ['provider.schema.json', 'A provider record of a spine-finder directory (protocol version 1).', provider],
    [
      'directory-response.schema.json',
      'The answer of a spine-finder json-protocol directory endpoint (protocol version 1).',
      response,
    ],
  ];
  return new Map(
    documents.map(([file, title, schema]) => {
      const { $schema, ...rest } = schema;
      const document = { $schema, $id: `${BASE_ID}${file}`, title, ...rest };
      return [file, `${JSON.stringify(document, null, 2)}\n`];
    }),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, text] of buildJsonSchemas()) {
    writeFileSync(new URL(`../schema/${file}`, import.meta.url), text);
    console.log(`wrote schema/${file}`);
  }
}
