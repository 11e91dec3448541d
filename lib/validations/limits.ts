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
