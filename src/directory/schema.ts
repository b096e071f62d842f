/**
 * The one definition of a Provider and of a directory response.
 *
 * Every type that describes directory data is inferred from these schemas.
 * Records are validated one by one (see `parseProviders`) so that a single
 * bad record never costs the good ones. Unknown fields are stripped.
 */
import * as z from 'zod/mini';
import { DISCIPLINES, WEEKDAYS } from './vocabulary.js';

export { DISCIPLINES, WEEKDAYS };
import { emailAddress, webHref } from './links.js';

const latitude = z.number().check(z.gte(-90), z.lte(90));
const longitude = z.number().check(z.gte(-180), z.lte(180));

const DisciplineSchema = z.enum(DISCIPLINES);

/** A point on the earth in WGS 84 degrees. */
export const GeoPointSchema = z.object({ lat: latitude, lng: longitude });

/** A required piece of text: trimmed, never blank. */
const text = z.string().check(z.trim(), z.minLength(1));

/**
 * Optional fields: `null` and blank text count as absent, as databases and
 * spreadsheets write them; a value of the wrong type still fails the record.
 */
const optionalText = z.optional(
  z.pipe(
    z.nullable(z.string()),
    z.transform((value) => value?.trim() || undefined),
  ),
);

/** An optional list of text: blank entries are left out. */
const optionalTextList = z.optional(
  z.pipe(
    z.nullable(z.array(z.nullable(z.string()))),
    z.transform((values) =>
      values ? values.map((value) => value?.trim() ?? '').filter((value) => value.length > 0) : undefined,
    ),
  ),
);

const optionalBoolean = z.optional(
  z.pipe(
    z.nullable(z.boolean()),
    z.transform((value) => value ?? undefined),
  ),
);

/**
 * A link a person may follow: only absolute http: and https: URLs survive.
 * Anything else (javascript:, data:, relative paths, a number, garbage)
 * becomes `undefined`, so the link is dropped and the rest of the record is
 * kept.
 */
export const WebLinkSchema = z.optional(z.pipe(z.unknown(), z.transform(webHref)));

/**
 * An e-mail address: one plain address, or `undefined` (dropped, the rest of
 * the record kept) for anything else, a `mailto:` with headers included.
 */
export const EmailSchema = z.optional(z.pipe(z.unknown(), z.transform(emailAddress)));

export const AddressSchema = z.object({
  line1: optionalText,
  line2: optionalText,
  city: optionalText,
  state: optionalText,
  postalCode: optionalText,
});

/** A date as `YYYY-MM-DD`, or a month as `YYYY-MM`. */
const calendarDate = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/));

/** A time of day as `HH:MM`, 24-hour. */
const timeOfDay = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** Opening hours: on these days, from `opens` to `closes` (FHIR's availableTime in plain words). */
export const OpeningHoursSchema = z.object({
  days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1)),
  opens: timeOfDay,
  closes: timeOfDay,
});

/**
 * One outcome measure from a quality registry, for one clinician. A share
 * means nothing without how many patients it was measured on and when, so
 * all three are required: a measure without them is invalid, never shown.
 */
export const QualityMeasureSchema = z.object({
  /** The measure's code, e.g. `pain-interference-improvement`. */
  measure: text,
  /** The directory's own name for the measure, shown when the finder has no wording of its own. */
  label: optionalText,
  /** The share of patients who met the measure, from 0 to 1. */
  share: z.number().check(z.gte(0), z.lte(1)),
  /** How many patients the share was measured on. */
  patients: z.int().check(z.gte(1)),
  /** When those patients were seen. */
  period: z.object({ start: calendarDate, end: calendarDate }),
});

/** Participation in the Spine IQ registry. */
export const RegistrySchema = z.object({
  participant: z.boolean(),
  /** The registry's public page for this clinician, if there is one. */
  profileUrl: WebLinkSchema,
});

/** Another place the clinician sees patients. */
export const OtherLocationSchema = z.object({
  practice: optionalText,
  address: z.optional(
    z.pipe(
      z.nullable(AddressSchema),
      z.transform((value) => value ?? undefined),
    ),
  ),
  location: z.optional(
    z.pipe(
      z.nullable(GeoPointSchema),
      z.transform((value) => value ?? undefined),
    ),
  ),
  phone: optionalText,
  fax: optionalText,
  hours: z.optional(z.array(OpeningHoursSchema)),
});

export const ProviderSchema = z.object({
  id: z.union([text, z.pipe(z.number(), z.transform(String))]),
  name: text,
  location: GeoPointSchema,
  credentials: optionalTextList,
  discipline: z.optional(
    z.pipe(
      z.nullable(DisciplineSchema),
      z.transform((value) => value ?? undefined),
    ),
  ),
  practice: optionalText,
  address: z.optional(
    z.pipe(
      z.nullable(AddressSchema),
      z.transform((value) => value ?? undefined),
    ),
  ),
  phone: optionalText,
  fax: optionalText,
  email: EmailSchema,
  website: WebLinkSchema,
  bookingUrl: WebLinkSchema,
  languages: optionalTextList,
  acceptingNewPatients: optionalBoolean,
  telehealth: optionalBoolean,
  insurance: optionalTextList,
  /** Hours at the main location. */
  hours: z.optional(z.array(OpeningHoursSchema)),
  /** Other places the clinician sees patients, besides `location`. */
  otherLocations: z.optional(z.array(OtherLocationSchema)),
  registry: z.optional(
    z.pipe(
      z.nullable(RegistrySchema),
      z.transform((value) => value ?? undefined),
    ),
  ),
  /** Outcome measures, where the registry has them; never implied when absent. */
  quality: z.optional(z.array(QualityMeasureSchema)),
});

/**
 * The envelope of a directory response. `providers` is checked only for
 * being an array here: its items are validated one at a time.
 */
export const DirectoryResponseSchema = z.object({
  version: z.optional(z.int().check(z.gte(1))),
  providers: z.array(z.unknown()),
  total: z.optional(z.int().check(z.gte(0))),
  next: z.optional(z.nullable(z.string())),
});

export type GeoPoint = z.infer<typeof GeoPointSchema>;
export type Address = z.infer<typeof AddressSchema>;
export type Discipline = z.infer<typeof DisciplineSchema>;
export type Provider = z.infer<typeof ProviderSchema>;
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;
export type QualityMeasure = z.infer<typeof QualityMeasureSchema>;
export type OtherLocation = z.infer<typeof OtherLocationSchema>;
export type Weekday = (typeof WEEKDAYS)[number];

/** A record that failed validation, with where it was and why. */
export interface RejectedRecord {
  index: number;
  reason: string;
}

export interface ParsedProviders {
  providers: Provider[];
  rejected: RejectedRecord[];
  /** For each provider, the index of the record it came from. */
  kept: number[];
}

/** Validates each record on its own: bad ones are dropped and reported. */
export function parseProviders(records: readonly unknown[]): ParsedProviders {
  const providers: Provider[] = [];
  const rejected: RejectedRecord[] = [];
  const kept: number[] = [];
  records.forEach((record, index) => {
    const result = ProviderSchema.safeParse(record);
    if (result.success) {
      providers.push(result.data);
      kept.push(index);
    } else {
      rejected.push({ index, reason: describeIssues(result.error.issues) });
    }
  });
  return { providers, rejected, kept };
}

/** One console warning per response that had invalid records, with each reason. */
export function warnAboutRejected(rejected: readonly RejectedRecord[], total: number): void {
  if (rejected.length === 0) return;
  console.warn(
    `spine-finder: dropped ${rejected.length} of ${total} directory records that failed validation`,
    rejected,
  );
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
