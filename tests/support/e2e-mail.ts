import { E2E_SINK_URL } from './e2e-env';

export type SinkMail = { to: string[]; from: string; subject: string; text: string; html: string };

/**
 * The newest mail to `to` whose subject contains `subject`, read from the SMTP sink's HTTP API
 * (which long-polls up to 10 s per call).
 */
export async function latestMail(to: string, subject: string, { attempts = 3 } = {}): Promise<SinkMail> {
  const url = `${E2E_SINK_URL}/messages/latest?to=${encodeURIComponent(to)}&subject=${encodeURIComponent(subject)}`;
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url);
    if (response.ok) return (await response.json()) as SinkMail;
    if (response.status !== 404 || attempt >= attempts) {
      throw new Error(`No mail "${subject}" to ${to} in the SMTP sink (HTTP ${response.status}): ${await response.text()}`);
    }
  }
}

/** The first link in the mail's plain-text part whose URL contains `pathContains`. */
export function linkIn(mail: SinkMail, pathContains: string): string {
  const links = mail.text.match(/https?:\/\/[^\s<>"'`]+/g) ?? [];
  const link = links.find((l) => l.includes(pathContains));
  if (!link) throw new Error(`No link containing "${pathContains}" in mail "${mail.subject}". Links: ${links.join(' ') || 'none'}`);
  return link;
}

/** Every mail to `to` whose subject contains `subject` received so far, oldest first. */
export async function mailsTo(to: string, subject: string): Promise<SinkMail[]> {
  const response = await fetch(`${E2E_SINK_URL}/messages`);
  if (!response.ok) throw new Error(`The SMTP sink answered HTTP ${response.status}`);
  const all = (await response.json()) as SinkMail[];
  return all.filter((mail) => mail.to.some((address) => address.toLowerCase() === to.toLowerCase()) && mail.subject.includes(subject));
}
