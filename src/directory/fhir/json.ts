/**
 * Reading untrusted FHIR JSON. Real directories send incomplete and garbled
 * resources, so nothing here trusts a shape: every read checks the type it
 * gets and answers `undefined` (or an empty list) otherwise. A bad field
 * costs that field, never the resource, and never throws.
 */

/** A JSON object as it arrived: its fields are still unknown. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The objects in a list; anything else in it (or a non-list) is skipped. */
export function objects(value: unknown): JsonObject[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is JsonObject => asObject(item) !== undefined);
}

/** Trimmed text, or undefined when it is not a string or is blank. */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}

/** The non-blank strings in a list, trimmed. */
export function texts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(asText).filter((text): text is string => text !== undefined);
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The `code`s of a CodeableConcept's codings, in order. */
export function codesOf(concept: unknown): string[] {
  return objects(asObject(concept)?.coding)
    .map((coding) => asText(coding.code))
    .filter((code): code is string => code !== undefined);
}

/** Extensions whose URL ends with `name` (Plan-Net's, or the same extension under another guide's canonical). */
export function extensionsNamed(resource: JsonObject | undefined, name: string): JsonObject[] {
  return objects(resource?.extension).filter((extension) => {
    const url = asText(extension.url);
    return url !== undefined && (url === name || url.endsWith(`/${name}`));
  });
}
