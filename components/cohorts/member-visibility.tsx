// What joining a cohort shares, said where a member decides: the join page and the member's own
// view. Leads and the owner export the members' e-mail addresses (lib/dal/cohort-export.ts).

export function MemberVisibility({ joining = false }: { joining?: boolean }) {
  return (
    <p className="text-zinc-700 dark:text-zinc-300" data-testid="member-visibility">
      {joining ? 'Once you join, the' : 'The'} cohort&apos;s owner and leads (and the portal&apos;s
      admins) see your progress in the course and your e-mail address, also in the CSV file they can
      export. They do not see your notes, bookmarks, quiz answers or the SQL you write in labs.
    </p>
  );
}
