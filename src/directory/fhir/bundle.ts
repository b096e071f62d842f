/**
 * A FHIR search answer: a `searchset` Bundle whose resources refer to each
 * other. `readSearchBundle` refuses anything else; `BundleIndex` resolves
 * references between the resources it holds, and only those: the adapter
 * never fetches a resource on its own.
 */
import { DirectoryError } from '../adapter.js';
import { asObject, asText, objects } from './json.js';
import type { JsonObject } from './json.js';

export interface SearchBundle {
  /** `Bundle.entry`, unread: the mapping reads each entry on its own. */
  entries: unknown[];
  /** The `next` link, resolved against the request URL. */
  next?: URL;
}

/** The entries and next link of a search answer, or an 'invalid-response' error. */
export function readSearchBundle(body: unknown, requestUrl: URL): SearchBundle {
  const bundle = asObject(body);
  if (bundle?.resourceType === 'OperationOutcome') {
    const issue = objects(bundle.issue)[0];
    const detail = asText(issue?.diagnostics) ?? asText(asObject(issue?.details)?.text);
    throw new DirectoryError(
      'invalid-response',
      `${requestUrl.origin} answered the search with an OperationOutcome${detail ? `: ${detail}` : ''}`,
    );
  }
  if (bundle?.resourceType !== 'Bundle' || (bundle.entry !== undefined && !Array.isArray(bundle.entry))) {
    throw new DirectoryError('invalid-response', `${requestUrl.origin} did not answer the search with a FHIR Bundle`);
  }
  const nextLink = objects(bundle.link).find((link) => link.relation === 'next');
  const next = asText(nextLink?.url);
  return {
    entries: Array.isArray(bundle.entry) ? bundle.entry : [],
    next: next ? parseUrl(next, requestUrl) : undefined,
  };
}

function parseUrl(text: string, base: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** The resources of a Bundle, by `Type/id` and by `fullUrl`. */
export class BundleIndex {
  /** Every resource in entry order. */
  readonly resources: JsonObject[] = [];
  private readonly byTypeAndId = new Map<string, JsonObject>();
  private readonly byFullUrl = new Map<string, JsonObject>();

  constructor(entries: readonly unknown[]) {
    for (const entry of entries) {
      const resource = asObject(asObject(entry)?.resource);
      const type = asText(resource?.resourceType);
      if (!resource || !type) continue;
      this.resources.push(resource);
      const id = asText(resource.id);
      // A repeated resource (a server including it twice) keeps its first copy.
      if (id && !this.byTypeAndId.has(`${type}/${id}`)) this.byTypeAndId.set(`${type}/${id}`, resource);
      const fullUrl = asText(asObject(entry)?.fullUrl);
      if (fullUrl && !this.byFullUrl.has(fullUrl)) this.byFullUrl.set(fullUrl, resource);
    }
  }

  /**
   * The resource of `type` a Reference points at, if this Bundle holds it.
   * Relative references (`Practitioner/123`) match by type and id; absolute
   * ones and `urn:uuid:` match an entry's fullUrl, or else by the type and
   * id at their end (`…/fhir/Practitioner/123/_history/2`).
   */
  resolve(reference: unknown, type: string): JsonObject | undefined {
    const text = asText(asObject(reference)?.reference);
    if (!text) return undefined;
    const byUrl = text.includes(':') ? this.byFullUrl.get(text) : undefined;
    if (byUrl) return byUrl.resourceType === type ? byUrl : undefined;
    const match = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9.-]{1,64})(?:\/_history\/[^/]+)?$/.exec(text);
    return match && match[1] === type ? this.byTypeAndId.get(`${type}/${match[2]}`) : undefined;
  }

  /** Every resource of `type` that the Reference list points at and this Bundle holds. */
  resolveAll(references: unknown, type: string): JsonObject[] {
    return objects(references)
      .map((reference) => this.resolve(reference, type))
      .filter((resource): resource is JsonObject => resource !== undefined);
  }
}
