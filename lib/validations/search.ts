import { z } from 'zod';
import { maxQueryLength } from '@/lib/content/search-results';

/** /search?q=…&page=…: anything unusable becomes an empty query or the first page, never an error. */
export const courseSearchSchema = z.object({
  q: z
    .string()
    .transform((query) => query.trim().slice(0, maxQueryLength))
    .catch(''),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
