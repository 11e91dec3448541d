// Stands in for Auth.js in integration tests: the data access layer asks `readSession()` for the
// session, and tests choose who is signed in. Everything below it (the database) is real.
let currentUserId: string | null = null;
let currentAuthTime = 0;

/** Who the next requests come from; authTime is when that session signed in (default: now). */
export function signInAs(userId: string | null, authTime = Date.now()): void {
  currentUserId = userId;
  currentAuthTime = authTime;
}

export const fakeAuthModule = {
  readSession: async () =>
    currentUserId ? { id: currentUserId, authTime: currentAuthTime } : null,
  signIn: async () => {
    throw new Error('signIn is not available in integration tests');
  },
  signOut: async () => {
    throw new Error('signOut is not available in integration tests');
  },
  handlers: {},
};
