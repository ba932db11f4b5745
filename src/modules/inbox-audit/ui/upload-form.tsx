'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { publicPath } from '@/platform/http/portal-path';
import { Button } from '@/ui/button';
import { FormField } from '@/ui/form-field';

const sources = [
  ['auto', 'Detect from the header'],
  ['zendesk', 'Zendesk'],
  ['helpscout', 'Help Scout'],
  ['freshdesk', 'Freshdesk'],
  ['intercom', 'Intercom (IntercomExport)'],
  ['generic', 'Generic: id,subject,body,created_at,closed_at,tags'],
] as const;

/** Sends a help desk's CSV export as the request body (never read into the page), then opens its run. */
export function UploadForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return setError('Choose the CSV export to upload.');
    setError(null);
    setSending(true);
    try {
      const query = new URLSearchParams({ source: String(data.get('source') ?? 'auto'), label: String(data.get('label') ?? '') });
      const response = await fetch(publicPath(`/api/admin/inbox-audits?${query}`), { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file });
      const answer = (await response.json().catch(() => null)) as { data?: { audit: { id: string } }; error?: { message: string } } | null;
      if (!response.ok || !answer?.data) return setError(answer?.error?.message ?? 'The upload failed. Please try again.');
      router.push(`/admin/inbox-audits/${encodeURIComponent(answer.data.audit.id)}`);
    } catch {
      setError('The upload did not reach the server. Check the connection and try again.');
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Upload a help desk export" noValidate>
      <FormField label="Name of this run" name="label" placeholder="Q3 2026" maxLength={120} hint="Shown beside the other runs; the date when left empty." />
      <FormField label="Help desk" name="source">
        <select name="source" className="input" defaultValue="auto">
          {sources.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="CSV export (up to 100 MB)" name="file" type="file" accept=".csv,text/csv" required />
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="row">
        <Button type="submit" disabled={sending} aria-disabled={sending}>
          {sending ? 'Uploading…' : 'Upload and import'}
        </Button>
      </div>
    </form>
  );
}
