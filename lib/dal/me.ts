import 'server-only';
import type { UserRole } from '@/db/schema';
import type { Lesson } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { previewRoles } from './drafts';
import { getMyContinueLesson } from './progress';
import { getReviewSummary } from './review';
import { requireUser } from './session';
import { getCurrentUserProfile } from './users';

/** What the header and the static pages show a signed-in user: their own data only. */
export interface SessionSummaryDto {
  name: string;
  role: UserRole;
  /** Review questions due now. */
  reviewsDue: number;
  canPreview: boolean;
  isAdmin: boolean;
  /** The lesson "Continue" leads to; null once every lesson is completed. */
  continueLesson: { title: string; href: Lesson['href'] } | null;
}

/** Where a user goes after signing in (or opening /sign-in while signed in), by role. */
export function landingPathFor(role: UserRole): '/dashboard' | '/cohorts' {
  return role === 'instructor' ? '/cohorts' : '/dashboard';
}

/** requireUser, or null for a visitor (no session, or one a password change has ended). */
async function findUser() {
  try {
    return await requireUser();
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') return null;
    throw error;
  }
}

/** The signed-in user's summary, or null when nobody is signed in. */
export async function getMySessionSummary(): Promise<SessionSummaryDto | null> {
  const user = await findUser();
  if (!user) return null;
  // Three small reads after the session check: no quiz attempts, no per-module progress.
  const [profile, continueLesson, reviews] = await Promise.all([
    getCurrentUserProfile(),
    getMyContinueLesson(),
    getReviewSummary(),
  ]);
  return {
    name: profile.name || profile.email,
    role: user.role,
    reviewsDue: reviews.dueNow,
    canPreview: (previewRoles as readonly UserRole[]).includes(user.role),
    isAdmin: user.role === 'admin',
    continueLesson,
  };
}

/** The signed-in user's role (for pages that show more to some roles). */
export async function getMyRole(): Promise<UserRole> {
  return (await requireUser()).role;
}

/** The signed-in user's landing page, or null when nobody is signed in. */
export async function getMyLandingPath(): Promise<'/dashboard' | '/cohorts' | null> {
  const user = await findUser();
  return user ? landingPathFor(user.role) : null;
}
