import { NextResponse } from 'next/server';
import { exportMyData } from '@/lib/dal/account';
import { AppError } from '@/lib/errors';

// GET /account/export: the signed-in user's data as a JSON download. Never cached.
export async function GET() {
  try {
    const data = await exportMyData();
    return new NextResponse(JSON.stringify(data, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="backend-path-data-${data.exportedAt.slice(0, 10)}.json"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') {
      return NextResponse.json({ error: 'Sign in to download your data.' }, { status: 401 });
    }
    throw error;
  }
}
