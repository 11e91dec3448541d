// npm run user:create -- <email> <learner|instructor|admin> [name]: creates a password account,
// e.g. the first admin of a production install. The password comes from standard input when it
// is piped, otherwise a random one is printed once.
import { userRoles } from '@/db/schema';
import { createUserAsOperator } from '@/lib/dal/users';
import { readPasswordInput } from './lib/password-input';
import { runCli } from './run-cli';

const usage = `Usage: npm run user:create -- <email> <${userRoles.join('|')}> [name]
  The password is read from standard input when piped, otherwise generated and printed once.`;

runCli(async () => {
  const [email, role, ...nameParts] = process.argv.slice(2);
  if (!email || !role) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const { password, generated } = await readPasswordInput();
  const user = await createUserAsOperator({
    email,
    role,
    name: nameParts.length > 0 ? nameParts.join(' ') : undefined,
    password,
  });
  console.log(`Created ${user.email} (${user.role}).`);
  if (generated) console.log(`Password (shown once): ${password}`);
});
