import { PageLoading } from '@/ui/spinner';

export default function Loading() {
  return <PageLoading label="Comparing votes, deflections and tickets…" />;
}
