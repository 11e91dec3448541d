/** A problem in a content file, reported as `file:line: message` (editors and CI link to it). */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`Invalid lesson content:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}

export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
