import Link from 'next/link';
import { ForbiddenNotice } from '@/components/ui/forbidden-notice';

export default function NewCohortForbidden() {
  return (
    <ForbiddenNotice title="Instructors and admins only">
      <p>Creating a cohort is for instructors and admins.</p>
      <p>
        To follow the course with a group,{' '}
        <Link href="/cohorts/join" className="underline">
          join a cohort
        </Link>{' '}
        with the invite code your cohort lead gave you.
      </p>
    </ForbiddenNotice>
  );
}
