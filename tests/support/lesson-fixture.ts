/** Frontmatter of a valid lesson for content tests; `answer` sets the second question's answer. */
export const lessonFrontmatter = (order: number, answer = 'b') => `---
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
  - question: "Q2?"
    choices: ["a", "b"]
    answer: "${answer}"
    explanation: "Because."
  - question: "Q3?"
    choices: ["a", "b"]
    answer: "a"
    explanation: "Because."
---
`;
