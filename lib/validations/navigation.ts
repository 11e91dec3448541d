import { z } from 'zod';

/**
 * Where to return after signing in, reduced to a path on this site. Auth.js hands us absolute URLs
 * (http://host/dashboard); any URL keeps only its path, so a link cannot send the user elsewhere.
 */
export const callbackPathSchema = z
  .preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      if (/^https?:\/\//i.test(value)) {
        try {
          const url = new URL(value);
          return `${url.pathname}${url.search}${url.hash}`;
        } catch {
          return undefined;
        }
      }
      return value;
    },
    z.string().regex(/^\/(?![/\\])[^\s\u0000-\u001f\u007f]*$/),
  )
  .catch('/dashboard');
