// How long text fields may be: the schemas enforce it, and the inputs say it to browsers
// (maxlength). Its own module, so client components import numbers, not the schemas.
export const textLimits = {
  personName: 100,
  email: 254,
  cohortName: 100,
  nudge: 500,
  note: 20_000,
  searchQuery: 200,
} as const;

/**
 * What one SQL lab submission may be: its size (also the size of the saved editor text), and what
 * the server lets it do while grading. Each refusal names the limit.
 */
export const labLimits = {
  sqlCharacters: 20_000,
  statements: 50,
  rowsReturned: 10_000,
  seconds: 2,
} as const;
