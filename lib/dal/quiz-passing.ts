import 'server-only';
// The passing rule (isPassingScore in ./lesson-state) as SQL, for queries that aggregate attempts.
import { sql, type SQL } from 'drizzle-orm';
import type { quizAttempts } from '@/db/schema';
import { passRatio } from './quiz-rules';

/** SQL: this quiz attempt passes. */
export const passingAttempt = (
  correct: SQL | typeof quizAttempts.correct,
  total: SQL | typeof quizAttempts.total,
) => sql`${correct}::float / ${total} >= ${passRatio - 1e-9}`;
