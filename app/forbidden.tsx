import { ForbiddenNotice } from '@/components/ui/forbidden-notice';

// 403 for any page that calls forbidden() without a forbidden.tsx of its own.
export default function Forbidden() {
  return (
    <ForbiddenNotice title="You cannot open this page">
      <p>
        This page is for instructors or admins, and your account does not have that role. If you
        need it, ask an admin of this portal.
      </p>
    </ForbiddenNotice>
  );
}
