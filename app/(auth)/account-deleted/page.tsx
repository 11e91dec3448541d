import type { Metadata } from 'next';
import { NoticePage } from '@/components/ui/notice-page';

export const metadata: Metadata = { title: 'Account deleted', robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <NoticePage title="Your account is deleted">
      Your profile, your progress and everything else we held about you are gone. The lessons stay
      open to read.
    </NoticePage>
  );
}
