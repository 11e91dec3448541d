import { ForbiddenNotice } from '@/components/ui/forbidden-notice';

export default function PreviewForbidden() {
  return (
    <ForbiddenNotice title="Instructors and admins only">
      <p>
        Previews show lessons before they are published, for the instructors who write them and for
        admins. Published lessons are open to everyone in the course.
      </p>
    </ForbiddenNotice>
  );
}
