// The lesson's tools below 1024 px (lesson-view.tsx) form a bar at the bottom of the screen; each
// control in it is a cell: a 44 px target with its icon above its name. From 1024 px each control
// adds its own lg: classes for the rail.
export const toolCellClassName =
  'flex min-h-11 min-w-11 cursor-pointer flex-col items-center justify-center rounded-md px-2 text-xs font-medium text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800';
