import { exportCohortCsv } from '@/lib/dal/cohorts';
import { AppError } from '@/lib/errors';

// GET /cohorts/:id/export: the cohort's progress as CSV, streamed (owner, leads and admins only).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const rows = exportCohortCsv(id);
  let first: IteratorResult<string>;
  try {
    // The first chunk runs the access check, so a refusal is a clean 404 rather than a broken stream.
    first = await rows.next();
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'not_found' || error.code === 'unauthenticated' || error.code === 'invalid')
    ) {
      return new Response('Not found', { status: 404 });
    }
    if ((error as { name?: string }).name === 'ZodError')
      return new Response('Not found', { status: 404 });
    throw error;
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
