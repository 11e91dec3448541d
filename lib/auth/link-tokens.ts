import 'server-only';
import crypto from 'node:crypto';

// Secrets sent in e-mailed links (password reset, sign-up confirmation). Only a SHA-256 hash is
// stored, so a copy of the database holds no working link; 256 random bits need no slow hash.

/** A new link token: 32 random bytes, URL-safe. */
export const createLinkToken = () => crypto.randomBytes(32).toString('base64url');

export const hashLinkToken = (token: string) =>
  crypto.createHash('sha256').update(token).digest('hex');
