import { ZodError } from 'zod';
import { exportCohortCsv } from '@/lib/dal/cohorts';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/responses';

// GET /cohorts/:id/export: the cohort's progress as CSV, streamed (owner, leads and admins only).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const rows = exportCohortCsv(id);
  let first: IteratorResult<string>;
  try {
    // The first chunk runs the access check, so a refusal is a clean status rather than a broken
    // stream: 404 for a cohort that is not the user's (or an id that is no cohort's), so nobody
    // learns it exists; 401 signed out, 403 refused.
    first = await rows.next();
  } catch (error) {
    if (
      error instanceof ZodError ||
      (error instanceof AppError && (error.code === 'not_found' || error.code === 'invalid'))
    ) {
      return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
    }
    return errorResponse(error);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="cohort-${id}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
