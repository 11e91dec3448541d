import { ZodError } from 'zod';
import { openCohortCsv } from '@/lib/dal/cohort-export';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/responses';

// GET /cohorts/:id/export: the cohort's progress as CSV, streamed (owner, leads and admins only).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let csv: Awaited<ReturnType<typeof openCohortCsv>>;
  try {
    // The access check runs before any byte is sent, so a refusal is a clean status rather than a
    // broken stream: 404 for a cohort that is not the user's (or an id that is no cohort's), so
    // nobody learns it exists; 401 signed out, 403 refused.
    csv = await openCohortCsv(id);
  } catch (error) {
    if (
      error instanceof ZodError ||
      (error instanceof AppError && (error.code === 'not_found' || error.code === 'invalid'))
    ) {
      return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
    }
    return errorResponse(error);
  }
  const { rows, fileName } = csv;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  // RFC 6266: a plain ASCII filename for old clients, filename* with the UTF-8 name for the rest.
  const utf8Name = encodeURIComponent(fileName.utf8).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName.ascii}"; filename*=UTF-8''${utf8Name}`,
      'Cache-Control': 'no-store',
    },
  });
}
