// OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1. @node-rs/argon2 defaults are
// weaker, so the parameters are always passed. Algorithm 2 = Argon2id. Kept apart from
// ./password.ts (server-only) so test tooling that creates users uses the very same parameters.
export const passwordHashOptions = {
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;
