import Link from 'next/link';
import { AuthCard } from '../auth-card';
import { portalPath } from '@/platform/http/portal-path';

export const metadata = { title: 'Check your email' };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <AuthCard title="Check your email" footer={<Link href={portalPath('/sign-in')}>Back to sign in</Link>}>
      <p>
        We sent a verification link to <strong>{email || 'your address'}</strong>. Follow it to activate your account; it
        signs you in.
      </p>
    </AuthCard>
  );
}
