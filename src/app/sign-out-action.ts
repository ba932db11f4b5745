'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/modules/account/sign-in';
import { portalPath } from '@/platform/http/portal-path';

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect(portalPath('/sign-in?notice=signed-out'));
}
