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

/** An error as log fields: its name, message and stack, plus a database error's code. */
export function errorFields(error: unknown) {
  if (!(error instanceof Error)) return { err: { message: String(error) } };
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return {
    err: {
      name: error.name,
      message: error.message,
      code: (error as { code?: unknown }).code ?? cause?.code,
      stack: error.stack,
    },
  };
}
