// The accounts the end-to-end suite signs in with, in one place. A production server creates no
// demo accounts and refuses to start while one has its published password, so the suite creates
// its own, through the operator CLI, before the server starts (e2e/create-accounts.ts): the demo
// accounts' e-mails, passwords of their own.
export const e2eAccounts = [
  {
    name: 'E2E Learner',
    email: 'learner@example.com',
    role: 'learner',
    password: 'e2e learner passphrase',
  },
  {
    name: 'E2E Instructor',
    email: 'instructor@example.com',
    role: 'instructor',
    password: 'e2e instructor passphrase',
  },
  {
    name: 'E2E Admin',
    email: 'admin@example.com',
    role: 'admin',
    password: 'e2e admin passphrase',
  },
] as const;

export type Role = (typeof e2eAccounts)[number]['role'];

/** Where signing in without a callbackUrl lands, by role. */
export const landingPaths: Record<Role, string> = {
  learner: '/dashboard',
  instructor: '/cohorts',
  admin: '/dashboard',
};

export const e2eAccount = (role: Role) => e2eAccounts.find((account) => account.role === role)!;
