// Stands in for Auth.js in integration tests: the data access layer asks `auth()` for the session,
// and tests choose who is signed in. Everything below it (the database) is real.
let currentUserId: string | null = null;

export function signInAs(userId: string | null): void {
  currentUserId = userId;
}

export const fakeAuthModule = {
  auth: async () =>
    currentUserId
      ? { user: { id: currentUserId }, expires: new Date(Date.now() + 3600_000).toISOString() }
      : null,
  signIn: async () => {
    throw new Error('signIn is not available in integration tests');
  },
  signOut: async () => {
    throw new Error('signOut is not available in integration tests');
  },
  handlers: {},
};
