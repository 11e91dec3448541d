/** Markdown from lab.yaml inside the lab's box (which the lesson's prose styles do not reach). */
export const labTextClassName =
  'max-w-none text-[0.95rem] leading-7 text-zinc-800 dark:text-zinc-200 [&>*+*]:mt-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6 [&_a]:text-sky-800 [&_a]:underline dark:[&_a]:text-sky-300 [&_strong]:font-semibold';
