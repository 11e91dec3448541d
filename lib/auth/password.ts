import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { passwordHashOptions } from './password-hash-options';

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * True when a stored hash is weaker than today's parameters (or not argon2id at all), so it
 * should be replaced after the next successful sign-in, while the plain password is at hand.
 */
export function needsRehash(passwordHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!match) return true;
  const [memory, time, parallelism] = match.slice(1).map(Number) as [number, number, number];
  return (
    memory < passwordHashOptions.memoryCost ||
    time < passwordHashOptions.timeCost ||
    parallelism < passwordHashOptions.parallelism
  );
}

// Verified when the e-mail is unknown, so both failures cost the same time.
let dummyHash: Promise<string> | undefined;
export function getDummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('backend-path-dummy-password');
  return dummyHash;
}
