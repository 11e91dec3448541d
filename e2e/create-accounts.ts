// Run by playwright.config.ts before the server starts: migrates the suite's fresh embedded
// database and creates the e2e accounts with `npm run user:create`, exactly as an operator would
// (the password on standard input).
import { execFileSync } from 'node:child_process';
import { e2eAccounts } from './accounts';

const run = (args: string[], input?: string) =>
  execFileSync('npm', ['run', '--silent', ...args], {
    input,
    stdio: ['pipe', 'inherit', 'inherit'],
    env: process.env,
  });

run(['db:migrate']);
for (const account of e2eAccounts) {
  run(['user:create', '--', account.email, account.role, account.name], account.password);
}
