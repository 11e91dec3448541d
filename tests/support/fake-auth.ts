// Stands in for Auth.js in integration tests: the data access layer asks `auth()` for the session,
// and tests choose who is signed in. Everything below it (the database) is real.
let currentUserId: string | null = null;
let currentAuthTime = 0;

/** Who the next requests come from; authTime is when that session signed in (default: now). */
export function signInAs(userId: string | null, authTime = Date.now()): void {
  currentUserId = userId;
  currentAuthTime = authTime;
}

export const fakeAuthModule = {
  auth: async () =>
    currentUserId
      ? {
          user: { id: currentUserId },
          authTime: currentAuthTime,
          expires: new Date(Date.now() + 3600_000).toISOString(),
        }
      : null,
  signIn: async () => {
    throw new Error('signIn is not available in integration tests');
  },
  signOut: async () => {
    throw new Error('signOut is not available in integration tests');
  },
  handlers: {},
};
