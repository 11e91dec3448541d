'use client';

import {
  setScheduleAction,
  updateThresholdsAction,
  type ScheduleState,
  type ThresholdsState,
} from '@/app/(teams)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { Button } from '@/components/ui/button';
import { FormField, useFormAction } from '@/components/ui/form-field';

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
  const { state, pending, fieldErrors, message, formProps } = useFormAction<ThresholdsState>(
    updateThresholdsAction.bind(null, cohortId),
    { status: 'idle' },
    { refreshOnSuccess: true },
  );
  // After a refusal, the values as typed (not the saved ones) next to the errors about them.
  const values =
    state.status === 'idle' || state.status === 'success'
      ? { inactiveDays, failedQuizAttempts, behindLessons }
      : state.values;
  return (
    <form {...formProps} className="max-w-md space-y-4">
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
          errors={fieldErrors[field.name]}
        />
      ))}
      <FormStatus
        tone={state.status === 'success' ? 'success' : 'error'}
        message={state.status === 'success' ? 'Thresholds saved.' : message}
      />
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
  const { state, pending, message, formProps } = useFormAction<ScheduleState>(
    setScheduleAction.bind(null, cohortId),
    { status: 'idle' },
    { refreshOnSuccess: true },
  );
  // After a refusal, the dates as typed.
  const dates = 'values' in state ? state.values : null;
  const dueOn = (unit: string) => (dates ? (dates[`due:${unit}`] ?? '') : (schedule[unit] ?? ''));
  return (
    <form {...formProps} className="space-y-4">
      <ul className="space-y-3">
        {modules.map((module) => {
          const lessonDates = module.lessons.filter((lesson) => schedule[lesson.id]).length;
          return (
            <li key={module.slug} className="space-y-1">
              <FormField
                label={`Due date for ${module.title}`}
                name={`due:${module.slug}`}
                type="date"
                defaultValue={dueOn(module.slug)}
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
                      defaultValue={dueOn(lesson.id)}
                    />
                  ))}
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      <FormStatus
        tone={state.status === 'success' ? 'success' : 'error'}
        message={state.status === 'success' ? 'Schedule saved.' : message}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save schedule'}
      </Button>
    </form>
  );
}
