'use server';

// The SQL lab panel's server actions: thin, the data access layer authenticates, validates and
// rate-limits (lib/dal/labs.ts).
import { runAction } from '@/lib/action-result';
import { getMyLabState, saveLabDraft, submitLabTask } from '@/lib/dal/labs';

/** The learner's saved editor text and best state on each task of a lab. */
export async function getMyLabStateAction(labId: string) {
  return runAction(() => getMyLabState({ labId }));
}

/** Autosaves the learner's editor text for one task. */
export async function saveLabDraftAction(labId: string, taskId: string, body: string) {
  return runAction(() => saveLabDraft({ labId, taskId, body }));
}

/**
 * Grades the learner's SQL on the server against the visible and hidden datasets and records it.
 * `submissionId` is a random UUID chosen once per press of Submit (a retry sends the same one).
 */
export async function submitLabTaskAction(
  labId: string,
  taskId: string,
  sql: string,
  submissionId: string,
) {
  return runAction(() => submitLabTask({ labId, taskId, sql, submissionId }));
}
