import { setLessonCompletion } from '@/lib/dal/progress';
import { AppError } from '@/lib/errors';
import { hasForeignOrigin } from '@/lib/http/same-origin';
import { errorResponse, readJsonBody } from '@/lib/http/responses';

// PUT /api/progress {"lessonId": "module/lesson", "completed": true}: marks a lesson complete or
// not for the signed-in user, the same data-layer call as the lesson page's button. For scripts,
// load tests and other clients; the session cookie authenticates, the data layer authorizes and
// validates, and a foreign Origin is refused.
export async function PUT(request: Request) {
  try {
    if (hasForeignOrigin(request))
      throw new AppError('forbidden', 'Cross-origin requests are not accepted.');
    const body = await readJsonBody(request);
    const progress = await setLessonCompletion(body);
    return Response.json(progress, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
