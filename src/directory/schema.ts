/**
 * The one definition of a Provider and of a directory response.
 *
 * Every type that describes directory data is inferred from these schemas.
 * Records are validated one by one (see `parseProviders`) so that a single
 * bad record never costs the good ones. Unknown fields are stripped.
 */
import * as z from 'zod/mini';

const latitude = z.number().check(z.gte(-90), z.lte(90));
const longitude = z.number().check(z.gte(-180), z.lte(180));

/** A point on the earth in WGS 84 degrees. */
export const GeoPointSchema = z.object({ lat: latitude, lng: longitude });

const text = z.string().check(z.trim(), z.minLength(1));

/**
 * A link a person may follow: only absolute http: and https: URLs survive.
 * Anything else (javascript:, data:, relative paths, garbage) becomes
 * `undefined`, so the link is dropped and the rest of the record is kept.
 */
const safeWebUrl = z.pipe(
  z.string(),
  z.transform((value): string | undefined => {
    try {
      const url = new URL(value.trim());
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }),
);

export const AddressSchema = z.object({
  line1: z.optional(text),
  line2: z.optional(text),
  city: z.optional(text),
  state: z.optional(text),
  postalCode: z.optional(text),
});

export const DISCIPLINES = ['chiropractic', 'physical-therapy', 'osteopathic', 'medical', 'other'] as const;

export const DisciplineSchema = z.enum(DISCIPLINES);

export const ProviderSchema = z.object({
  id: z.union([text, z.pipe(z.number(), z.transform(String))]),
  name: text,
  location: GeoPointSchema,
  credentials: z.optional(z.array(text)),
  discipline: z.optional(DisciplineSchema),
  practice: z.optional(text),
  address: z.optional(AddressSchema),
  phone: z.optional(text),
  fax: z.optional(text),
  website: z.optional(safeWebUrl),
  bookingUrl: z.optional(safeWebUrl),
  languages: z.optional(z.array(text)),
  acceptingNewPatients: z.optional(z.boolean()),
  telehealth: z.optional(z.boolean()),
  insurance: z.optional(z.array(text)),
});

/**
 * The envelope of a directory response. `providers` is checked only for
 * being an array here: its items are validated one at a time.
 */
export const DirectoryResponseSchema = z.object({
  providers: z.array(z.unknown()),
  total: z.optional(z.int().check(z.gte(0))),
  next: z.optional(z.nullable(z.string())),
});

export type GeoPoint = z.infer<typeof GeoPointSchema>;
export type Address = z.infer<typeof AddressSchema>;
export type Discipline = z.infer<typeof DisciplineSchema>;
export type Provider = z.infer<typeof ProviderSchema>;

/** A record that failed validation, with where it was and why. */
export interface RejectedRecord {
  index: number;
  reason: string;
}

export interface ParsedProviders {
  providers: Provider[];
  rejected: RejectedRecord[];
}

/** Validates each record on its own: bad ones are dropped and reported. */
export function parseProviders(records: readonly unknown[]): ParsedProviders {
  const providers: Provider[] = [];
  const rejected: RejectedRecord[] = [];
  records.forEach((record, index) => {
    const result = ProviderSchema.safeParse(record);
    if (result.success) {
      providers.push(result.data);
    } else {
      rejected.push({ index, reason: describeIssues(result.error.issues) });
    }
  });
  return { providers, rejected };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
