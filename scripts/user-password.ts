// npm run user:password -- <email>: gives an account a new password (ending its sessions), e.g.
// a demo account that must not keep its published password. The password comes from standard
// input when it is piped, otherwise a random one is printed once.
import { setPasswordAsOperator } from '@/lib/dal/users';
import { readPasswordInput } from './lib/password-input';
import { runCli } from './run-cli';

const usage = `Usage: npm run user:password -- <email>
  The password is read from standard input when piped, otherwise generated and printed once.`;

runCli(async () => {
  const [email] = process.argv.slice(2);
  if (!email) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const { password, generated } = await readPasswordInput();
  const user = await setPasswordAsOperator({ email, password });
  console.log(`New password set for ${user.email}; its sessions have ended.`);
  if (generated) console.log(`Password (shown once): ${password}`);
});
