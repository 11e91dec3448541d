// The demo accounts seeded into the embedded database (local use only), shared with the e2e tests.
export const demoAccounts = [
  {
    name: 'Demo Learner',
    email: 'learner@example.com',
    password: 'backend-path-learner',
    role: 'learner',
  },
  {
    name: 'Demo Instructor',
    email: 'instructor@example.com',
    password: 'backend-path-instructor',
    role: 'instructor',
  },
  { name: 'Demo Admin', email: 'admin@example.com', password: 'backend-path-admin', role: 'admin' },
] as const;
