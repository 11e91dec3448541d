/** Passing a quiz is at least two thirds correct; it marks the lesson completed. */
export const passRatio = 2 / 3;

/** After this many attempts the right answers are shown even without a pass. */
export const revealAfterAttempts = 3;

export const isPassing = (correct: number, total: number) => correct / total >= passRatio - 1e-9;

/**
 * Whether an attempt's result may include the right answers and explanations: once the learner
 * has passed (now or before), or from their third attempt on. Showing them earlier turns the quiz
 * into copying; anonymous attempts are not counted, so they only reveal on a pass.
 */
export const revealsAnswers = ({ passed, attempts }: { passed: boolean; attempts: number }) =>
  passed || attempts >= revealAfterAttempts;
