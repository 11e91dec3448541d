'use client';

import { useActionState } from 'react';
import {
  setScheduleAction,
  updateThresholdsAction,
  type CohortSettingsState,
} from '@/app/(teams)/actions';
import { FormStatus, SentNotice } from '@/components/auth/form-status';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';

const errorOf = (state: CohortSettingsState) =>
  state.status === 'error' || state.status === 'invalid' ? state.message : undefined;

/** The owner's at-risk thresholds. */
export function ThresholdsForm({
  cohortId,
  inactiveDays,
  failedQuizAttempts,
  behindLessons,
}: {
  cohortId: string;
  inactiveDays: number;
  failedQuizAttempts: number;
  behindLessons: number;
}) {
  const [state, action, pending] = useActionState<CohortSettingsState, FormData>(
    updateThresholdsAction.bind(null, cohortId),
    { status: 'idle' },
  );
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormField
        label="Days without activity"
        name="inactiveDays"
        type="number"
        min={1}
        max={365}
        required
        defaultValue={inactiveDays}
        errors={errors.inactiveDays}
      />
      <FormField
        label="Failed attempts at one quiz"
        name="failedQuizAttempts"
        type="number"
        min={1}
        max={50}
        required
        defaultValue={failedQuizAttempts}
        errors={errors.failedQuizAttempts}
      />
      <FormField
        label="Lessons behind schedule"
        name="behindLessons"
        type="number"
        min={1}
        max={200}
        required
        defaultValue={behindLessons}
        errors={errors.behindLessons}
      />
      <FormStatus message={errorOf(state)} />
      {state.status === 'success' ? <SentNotice message="Thresholds saved." /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save thresholds'}
      </Button>
    </form>
  );
}

interface ScheduleModule {
  slug: string;
  title: string;
  lessons: { id: string; title: string }[];
}

/** The owner's schedule: a due date per module, and optionally per lesson (which wins). */
export function ScheduleForm({
  cohortId,
  modules,
  schedule,
}: {
  cohortId: string;
  modules: ScheduleModule[];
  schedule: Record<string, string>;
}) {
  const [state, action, pending] = useActionState<CohortSettingsState, FormData>(
    setScheduleAction.bind(null, cohortId),
    { status: 'idle' },
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <ul className="space-y-3">
        {modules.map((module) => {
          const lessonDates = module.lessons.filter((lesson) => schedule[lesson.id]).length;
          return (
            <li key={module.slug} className="space-y-1">
              <FormField
                label={`Due date for ${module.title}`}
                name={`due:${module.slug}`}
                type="date"
                defaultValue={schedule[module.slug] ?? ''}
              />
              <details open={lessonDates > 0} className="ml-4 text-sm">
                <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
                  Dates per lesson{lessonDates > 0 ? ` (${lessonDates} set)` : ''}
                </summary>
                <div className="mt-2 space-y-2">
                  {module.lessons.map((lesson) => (
                    <FormField
                      key={lesson.id}
                      label={`Due date for ${lesson.title}`}
                      name={`due:${lesson.id}`}
                      type="date"
                      defaultValue={schedule[lesson.id] ?? ''}
                    />
                  ))}
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      <FormStatus message={errorOf(state)} />
      {state.status === 'success' ? <SentNotice message="Schedule saved." /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save schedule'}
      </Button>
    </form>
  );
}
