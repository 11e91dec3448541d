// Data steps that follow the SQL migrations: drizzle-kit's migrations are SQL and cannot read the
// course content, so changes that need it run here, every time the migrations are applied
// (`npm run db:migrate`, the embedded database's start, the integration tests). Each step is
// idempotent; together they run in one transaction, so a failure leaves the data as it was.
import type { Database } from '../client';
import { convertQuizAnswerPositions } from './quiz-answer-ids';

export async function applyDataMigrations(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await convertQuizAnswerPositions(tx);
  });
}
