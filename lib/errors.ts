// Expected failures carry a code the UI can act on; anything else is logged and shown generically.
export type ErrorCode =
  'unauthenticated' | 'forbidden' | 'invalid' | 'not_found' | 'conflict' | 'rate_limited';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * Whether an error means the database cannot be reached right now (refused or dropped connection,
 * timeout, server shutting down), as opposed to a bug or bad data. Drizzle wraps driver errors,
 * so the cause is checked too.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const codes = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    '57P01', // admin_shutdown
    '57P02', // crash_shutdown
    '57P03', // cannot_connect_now
    '08000',
    '08001',
    '08003',
    '08004',
    '08006',
  ]);
  const messages =
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i;
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && codes.has(code)) return true;
    if (typeof message === 'string' && messages.test(message)) return true;
    current = cause;
  }
  return false;
}

export const databaseUnavailableMessage =
  'The database cannot be reached right now. Nothing was saved; please try again in a moment.';

export const unauthenticated = () => new AppError('unauthenticated', 'Sign in to do that.');
