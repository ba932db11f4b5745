import { safeNextPath } from '@/platform/http/redirect-target';
import { twoFactorAction } from '../actions';
import { TwoFactorChallenge } from '../two-factor-challenge';

export const metadata = { title: 'Two-factor authentication' };

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ next?: string; method?: string }> }) {
  const params = await searchParams;
  return <TwoFactorChallenge page="/two-factor" next={safeNextPath(params.next)} backup={params.method === 'backup'} action={twoFactorAction} />;
}
