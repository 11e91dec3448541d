/**
 * Frontmatter of a valid lesson for content tests; `answer` sets the second question's answer and
 * `section` the heading id every question points to (the body must have that heading).
 */
export const lessonFrontmatter = (order: number, answer = 'b', section = 'scenario') => `---
title: "Lesson ${order}"
summary: "One sentence."
minutes: 8
order: ${order}
lastReviewed: "2026-11-01"
objectives:
  - "Explain one thing"
  - "Do another"
quiz:
  - question: "Q1?"
    choices: ["a", "b"]
    answer: "a"
    explanation: "Because."
    section: "${section}"
  - question: "Q2?"
    choices: ["a", "b"]
    answer: "${answer}"
    explanation: "Because."
    section: "${section}"
  - question: "Q3?"
    choices: ["a", "b"]
    answer: "a"
    explanation: "Because."
    section: "${section}"
---
`;

/** `words` words of filler prose. */
export const lessonProse = (words: number) =>
  Array.from({ length: words }, (_, index) => `word${index}`).join(' ');

/**
 * The body of a valid lesson for content tests (760 words of prose under `## Scenario`, a worked
 * example, a callout, key takeaways and further reading); `extra` goes right after the prose.
 */
export const lessonBody = (extra = '') => `
## Scenario

${lessonProse(760)}

${extra}

\`\`\`sql title="query.sql"
select 1;
\`\`\`

<Callout type="note">

A note.

</Callout>

## Key takeaways

- One.

## Further reading

- [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110) is the reference.
- [PostgreSQL](https://www.postgresql.org/docs/current/) is the manual.
`;
