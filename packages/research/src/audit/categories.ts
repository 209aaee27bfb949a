/**
 * Demographic categories of a LL144 bias audit: the sex and race/ethnicity categories of the
 * EEO-1 Component 1 report (6 RCNY § 5-301), plus the tokens we read as "unknown".
 */
export const SEX_CATEGORIES = ['Male', 'Female'] as const;
export const RACE_CATEGORIES = [
  'Hispanic or Latino',
  'White',
  'Black or African American',
  'Native Hawaiian or Other Pacific Islander',
  'Asian',
  'American Indian or Alaska Native',
  'Two or More Races',
] as const;

export type SexCategory = (typeof SEX_CATEGORIES)[number];
export type RaceCategory = (typeof RACE_CATEGORIES)[number];

// Self-identification forms say these when the person chose not to answer; counting them as a
// category of their own would give "declined" an impact ratio, which the law does not ask for.
const UNKNOWN_TOKENS = new Set([
  '',
  'unknown',
  'not specified',
  'unspecified',
  'prefer not to say',
  'declined',
  'decline to state',
  'n/a',
  'na',
  'none',
]);

const SEX_ALIASES: Record<string, string> = { m: 'Male', f: 'Female', man: 'Male', woman: 'Female' };

// EEO-1 spells the non-Hispanic races "(Not Hispanic or Latino)"; HR exports often shorten them.
const RACE_ALIASES: Record<string, string> = {
  hispanic: 'Hispanic or Latino',
  latino: 'Hispanic or Latino',
  latina: 'Hispanic or Latino',
  latinx: 'Hispanic or Latino',
  black: 'Black or African American',
  'african american': 'Black or African American',
  'native hawaiian': 'Native Hawaiian or Other Pacific Islander',
  'pacific islander': 'Native Hawaiian or Other Pacific Islander',
  'american indian': 'American Indian or Alaska Native',
  'alaska native': 'American Indian or Alaska Native',
  'two or more': 'Two or More Races',
  multiracial: 'Two or More Races',
};

/** A normalised group value: an EEO-1 name, another reported value kept verbatim, or unknown. */
export type Normalised =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'category'; readonly name: string; readonly standard: boolean };

function normalise(raw: unknown, standard: readonly string[], aliases: Record<string, string>): Normalised {
  if (typeof raw !== 'string') return { kind: 'unknown' };
  const trimmed = raw.trim().replace(/\s+/g, ' ');
  const key = trimmed.toLowerCase().replace(/\s*\(not hispanic or latino\)$/, '');
  if (UNKNOWN_TOKENS.has(key)) return { kind: 'unknown' };
  const exact = standard.find((s) => s.toLowerCase() === key) ?? aliases[key];
  if (exact !== undefined) return { kind: 'category', name: exact, standard: true };
  // A value outside EEO-1 (e.g. a third sex option on the form) is reported as its own category
  // and marked non-standard, rather than silently dropped or merged into a standard one.
  return { kind: 'category', name: trimmed, standard: false };
}

export function normaliseSex(raw: unknown): Normalised {
  return normalise(raw, SEX_CATEGORIES, SEX_ALIASES);
}

export function normaliseRace(raw: unknown): Normalised {
  return normalise(raw, RACE_CATEGORIES, RACE_ALIASES);
}

/** Intersectional category key, as in the report: `Female|Asian`. */
export function intersectionKey(sex: string, race: string): string {
  return `${sex}|${race}`;
}

/** Every standard intersection (2 × 7), so an empty one is visible in the report. */
export function standardIntersections(): string[] {
  return SEX_CATEGORIES.flatMap((s) => RACE_CATEGORIES.map((r) => intersectionKey(s, r)));
}
