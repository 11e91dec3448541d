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

export const unauthenticated = () => new AppError('unauthenticated', 'Sign in to do that.');
