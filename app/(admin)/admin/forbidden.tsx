import { ForbiddenNotice } from '@/components/ui/forbidden-notice';

export default function AdminForbidden() {
  return (
    <ForbiddenNotice title="Admins only">
      <p>
        The admin pages manage accounts and roles and show the audit log. Only admins can open them;
        if you need a different role, ask an admin.
      </p>
    </ForbiddenNotice>
  );
}
