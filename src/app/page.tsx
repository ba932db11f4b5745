import { redirect } from 'next/navigation';
import { portalPath } from '@/platform/http/portal-path';

export default function Home() {
  redirect(portalPath('/account'));
}
