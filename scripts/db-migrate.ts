// npm run db:migrate: applies the committed migrations to the database the environment selects.
import { getDatabaseHandle } from '@/db/client';
import { runCli } from './run-cli';

runCli(async () => {
  const handle = await getDatabaseHandle();
  await handle.migrate();
  console.log(`Migrations applied (${handle.driver}).`);
});
