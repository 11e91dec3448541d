// npm run user:role -- <email> <learner|instructor|admin>: sets a user's role, e.g. the first admin.
import { userRoles } from '@/db/schema';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { runCli } from './run-cli';

const usage = `Usage: npm run user:role -- <email> <${userRoles.join('|')}>`;

runCli(async () => {
  const [email, role] = process.argv.slice(2);
  if (!email || !role || !(userRoles as readonly string[]).includes(role)) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const user = await setUserRoleByEmail({ email, role });
  console.log(`${user.email} is now ${user.role}.`);
});
