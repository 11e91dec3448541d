/** Plain text where `backticks` mark code, as in lesson frontmatter (objectives, quiz text). */
export function InlineCode({ text }: { text: string }) {
  return text.split(/(`[^`]+`)/).map((part, index) =>
    part.startsWith('`') && part.endsWith('`') && part.length > 2 ? (
      <code
        key={index}
        className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800"
      >
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}
