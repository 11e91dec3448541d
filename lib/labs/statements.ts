// Splits SQL text into statements the way psql does (at semicolons outside quotes, comments and
// dollar-quoted bodies), so each one runs on its own: in autocommit, like psql, and with its own
// result and error position.

export interface SqlStatement {
  /** The statement without its closing semicolon, trimmed. */
  text: string;
  /** Offset of the statement's first character in the source (0-based, in UTF-16 code units). */
  start: number;
  /** Line of the statement's first character in the source (1-based). */
  line: number;
}

const dollarTag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*)?\$/;

/** Length of the whitespace and comments that open `text`. */
function leadingTrivia(text: string): number {
  const match = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/.exec(text);
  return match?.[0].length ?? 0;
}

/**
 * The statements of `source`, in order; empty statements (`;;`, comments only) are dropped.
 * An unterminated quote or comment runs to the end of the text, where Postgres reports it.
 */
export function splitStatements(source: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  let i = 0;
  // Parentheses depth and BEGIN ATOMIC ... END bodies (SQL-standard function bodies) hold
  // semicolons that do not end the statement.
  let depth = 0;
  let atomic = 0;
  let word = '';
  let previousWord = '';

  const push = (end: number) => {
    const raw = source.slice(start, end);
    const leading = leadingTrivia(raw);
    if (leading < raw.length) {
      const offset = start + leading;
      statements.push({
        text: raw.slice(leading).trimEnd(),
        start: offset,
        line: source.slice(0, offset).split('\n').length,
      });
    }
    start = end + 1;
  };

  const endWord = () => {
    if (word === '') return;
    const upper = word.toUpperCase();
    if (previousWord === 'BEGIN' && upper === 'ATOMIC') atomic += 1;
    else if (upper === 'END' && atomic > 0) atomic -= 1;
    previousWord = upper;
    word = '';
  };

  while (i < source.length) {
    const char = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (char === '-' && next === '-') {
      endWord();
      const newline = source.indexOf('\n', i);
      i = newline === -1 ? source.length : newline + 1;
      continue;
    }
    if (char === '/' && next === '*') {
      endWord();
      let nesting = 1;
      i += 2;
      while (i < source.length && nesting > 0) {
        if (source[i] === '/' && source[i + 1] === '*') {
          nesting += 1;
          i += 2;
        } else if (source[i] === '*' && source[i + 1] === '/') {
          nesting -= 1;
          i += 2;
        } else i += 1;
      }
      continue;
    }
    if (char === "'" || char === '"') {
      // E'...' strings allow backslash escapes; a doubled quote is an escaped quote in all forms.
      const escapes = char === "'" && /[eE]$/.test(word) && word.length === 1;
      endWord();
      i += 1;
      while (i < source.length) {
        if (escapes && source[i] === '\\') i += 2;
        else if (source[i] === char && source[i + 1] === char) i += 2;
        else if (source[i] === char) break;
        else i += 1;
      }
      i += 1;
      continue;
    }
    if (char === '$' && !/[A-Za-z_0-9]$/.test(word)) {
      const match = dollarTag.exec(source.slice(i, i + 64));
      if (match) {
        endWord();
        const tag = match[0];
        const close = source.indexOf(tag, i + tag.length);
        i = close === -1 ? source.length : close + tag.length;
        continue;
      }
    }
    if (/[A-Za-z_0-9\u0080-\uffff]/.test(char)) {
      word += char;
      i += 1;
      continue;
    }
    endWord();
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0 && atomic === 0) {
      push(i);
      previousWord = '';
    }
    i += 1;
  }
  endWord();
  push(source.length);
  return statements;
}

/** The 1-based line of a 0-based offset in `source`. */
export function lineAt(source: string, offset: number): number {
  return source.slice(0, Math.max(0, offset)).split('\n').length;
}
