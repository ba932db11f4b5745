import { TwoFactorChallenge } from '@/app/(auth)/two-factor-challenge';
import { safeStaffPath } from '@/platform/http/redirect-target';
import { staffTwoFactorAction } from '../actions';

export const metadata = { title: 'Two-factor authentication' };

export default async function StaffTwoFactorPage({ searchParams }: { searchParams: Promise<{ next?: string; method?: string }> }) {
  const params = await searchParams;
  return <TwoFactorChallenge page="/admin/sign-in/two-factor" next={safeStaffPath(params.next)} backup={params.method === 'backup'} action={staffTwoFactorAction} />;
}
