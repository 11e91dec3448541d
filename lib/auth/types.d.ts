// Our claims on Auth.js's session and JWT.
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    /** When the user signed in (ms since the epoch). */
    authTime: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    authTime?: number;
  }
}
