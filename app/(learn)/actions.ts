'use server';

import { runAction } from '@/lib/action-result';
import { recordLessonOpened, setLessonCompletion } from '@/lib/dal/progress';

export async function openLessonAction(lessonId: string) {
  return runAction(() => recordLessonOpened({ lessonId }));
}

export async function setLessonCompletionAction(lessonId: string, completed: boolean) {
  return runAction(() => setLessonCompletion({ lessonId, completed }));
}
