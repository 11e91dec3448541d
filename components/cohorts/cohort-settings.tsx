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

const thresholdFields = [
  { name: 'inactiveDays', label: 'Days without activity', max: 365 },
  { name: 'failedQuizAttempts', label: 'Failed attempts at one quiz', max: 50 },
  { name: 'behindLessons', label: 'Lessons behind schedule', max: 200 },
] as const;

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
  const values = { inactiveDays, failedQuizAttempts, behindLessons };
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      {thresholdFields.map((field) => (
        <FormField
          key={field.name}
          label={field.label}
          name={field.name}
          type="number"
          min={1}
          max={field.max}
          required
          defaultValue={values[field.name]}
          errors={errors[field.name]}
        />
      ))}
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
