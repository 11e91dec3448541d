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
