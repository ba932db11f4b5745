import { AuthCard } from '@/app/(auth)/auth-card';
import { SetUp } from '../enrolment';

export const metadata = { title: 'Set up your staff account' };

export default async function StaffSetUpPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? '';
  return (
    <AuthCard title="Set up your staff account" intro="Choose a password; then add the console to your authenticator app. The link works once.">
      <SetUp token={token} />
    </AuthCard>
  );
}
