import { PageLoading } from '@/ui/spinner';

// Only the list has a loading state: a loading boundary above /account/invoices/[id] would send its
// 200 before the page could answer 404 for another organization's invoice.
export default function Loading() {
  return <PageLoading />;
}
