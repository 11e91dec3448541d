import 'server-only';
import { ZodError } from 'zod';
import { AppError, databaseUnavailableMessage, isDatabaseUnavailable } from '@/lib/errors';
import { errorFields, requestLogger } from '@/lib/log';

const statusByCode = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 400,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
} as const;

/** A route handler's failure as JSON with the right status; never a stack trace. */
export async function errorResponse(error: unknown): Promise<Response> {
  const noStore = { 'Cache-Control': 'no-store' };
  if (error instanceof ZodError) {
    return Response.json(
      { error: 'invalid', message: error.issues[0]?.message ?? 'Invalid request.' },
      { status: 400, headers: noStore },
    );
  }
  if (error instanceof AppError) {
    return Response.json(
      { error: error.code, message: error.message },
      { status: statusByCode[error.code], headers: noStore },
    );
  }
  const log = await requestLogger();
  if (isDatabaseUnavailable(error)) {
    log.warn(errorFields(error), 'route handler: database unavailable');
    return Response.json(
      { error: 'unavailable', message: databaseUnavailableMessage },
      { status: 503, headers: { ...noStore, 'Retry-After': '5' } },
    );
  }
  log.error(errorFields(error), 'route handler failed');
  return Response.json(
    { error: 'internal', message: 'Something went wrong on our side. Please try again.' },
    { status: 500, headers: noStore },
  );
}

/** Reads a JSON body of at most `limit` bytes; anything bigger or malformed is refused. */
export async function readJsonBody(request: Request, limit = 4_096): Promise<unknown> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > limit) throw new AppError('invalid', 'The request body is too large.');
  const text = await request.text();
  if (Buffer.byteLength(text) > limit)
    throw new AppError('invalid', 'The request body is too large.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid', 'The request body is not valid JSON.');
  }
}
