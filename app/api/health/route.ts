import { checkDatabaseHealth } from '@/lib/health';

// GET /api/health: 200 with the database round trip when the database answers, 503 otherwise
// (and while the instance shuts down, so load balancers stop sending it traffic). No details of
// the failure: they go to the log.
export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkDatabaseHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
