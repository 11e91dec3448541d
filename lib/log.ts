import 'server-only';
import pino from 'pino';

// Structured JSON logs, one object per line on stdout, for whatever collects them (Vercel, Docker,
// journald). Personal data and secrets stay out: log ids, never e-mails, names, IPs, passwords,
// tokens or cookies. The redaction below is a safety net for mistakes, not the policy.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'backend-path' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      'email',
      'password',
      'token',
      'ip',
      'cookie',
      '*.email',
      '*.password',
      '*.token',
      '*.ip',
      '*.cookie',
      'headers.cookie',
      'headers.authorization',
    ],
    censor: '[redacted]',
  },
});

/** A logger whose lines carry this request's id (set by proxy.ts), where there is a request. */
export async function requestLogger(): Promise<pino.Logger> {
  try {
    const { headers } = await import('next/headers');
    const requestId = (await headers()).get('x-request-id');
    return requestId ? logger.child({ requestId }) : logger;
  } catch {
    // Outside a request (startup, scripts): the plain logger.
    return logger;
  }
}

/**
 * An error's message without the values it was given. Drizzle's query errors put every parameter
 * of the failed statement in their message (e-mails, names, password hashes, note text), so only
 * the statement itself is kept; the driver's own message (the cause) names the problem, not the
 * data.
 */
export function safeErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error thrown';
  const { query, params } = error as { query?: unknown; params?: unknown };
  if (typeof query === 'string' && params !== undefined) return `Failed query: ${query}`;
  return error.message;
}

/** An error as log fields: its name, message and stack, plus a database error's code and cause. */
export function errorFields(error: unknown) {
  if (!(error instanceof Error)) return { err: { message: 'non-error thrown' } };
  const message = safeErrorMessage(error);
  const cause = (error as { cause?: unknown }).cause;
  const stack = (error.stack ?? '').replace(error.message, message);
  return {
    err: {
      name: error.name,
      message,
      code: (error as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code,
      cause: cause instanceof Error ? safeErrorMessage(cause) : undefined,
      stack,
    },
  };
}
