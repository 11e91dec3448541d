// How long a password may be: the schemas enforce it, and the password fields say it to browsers
// (minlength/maxlength). Its own module, so client components import two numbers, not the schemas.
export const passwordLength = { min: 8, max: 128 } as const;
