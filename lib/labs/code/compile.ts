// Turns a learner's JavaScript or TypeScript module into a script QuickJS runs in the global scope,
// keeping every line where the learner wrote it so errors point at the learner's own lines.
import { transform } from 'sucrase';

export type CodeLanguage = 'javascript' | 'typescript';

export type CompileResult =
  { ok: true; code: string } | { ok: false; message: string; line: number; column: number };

/**
 * sucrase's `imports` transform rewrites `export function f` to `function f ... exports.f = f`
 * and `export const g = ...` to `const g = exports.g = ...` on the same lines, so both exported and
 * plain declarations stay names in the global scope that a test can call; its prologue (`"use
 * strict"` and the `__esModule` flag) goes on line 1 without a line break. The `typescript`
 * transform blanks types out, also line for line. ES transforms stay off: QuickJS runs modern
 * syntax as written, and the columns of plain JavaScript then stay exact too.
 */
export function compileLearnerCode(source: string, language: CodeLanguage): CompileResult {
  try {
    const { code } = transform(source, {
      transforms: language === 'typescript' ? ['typescript', 'imports'] : ['imports'],
      disableESTransforms: true,
    });
    return { ok: true, code };
  } catch (error) {
    return syntaxErrorOf(error);
  }
}

// sucrase reports "Unexpected token, expected "," (2:14)" with a 0-based column in `loc`.
function syntaxErrorOf(error: unknown): CompileResult {
  const message = error instanceof Error ? error.message : String(error);
  const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
  const line = typeof loc?.line === 'number' ? loc.line : 1;
  const column = typeof loc?.column === 'number' ? loc.column + 1 : 1;
  return { ok: false, message: message.replace(/\s*\(\d+:\d+\)$/, ''), line, column };
}
