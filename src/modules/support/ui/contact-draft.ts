// What the customer typed in the contact form, kept in this tab while they try a suggestion, so that
// "Still need help" brings them back to it. Never sent anywhere: it stays in sessionStorage.

const KEY = 'deflect.support.draft';

export type ContactDraft = { attemptId: string; category: string; subject: string; body: string };

/** The query parameter naming the contact attempt whose suggestion the customer followed. */
export const ATTEMPT_PARAM = 'attempt';
/** The contact form's query parameter asking it to restore the draft of that attempt. */
export const RESUME_PARAM = 'resume';

/** Attempt ids are UUIDs; anything else in the URL is ignored. */
export const isAttemptId = (value: string | null | undefined): value is string => !!value && /^[0-9a-f-]{36}$/i.test(value);

export function saveDraft(draft: ContactDraft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage refused (private mode, quota): the form simply starts empty again.
  }
}

/** The draft of that attempt, removed from storage; null when none was kept for it. */
export function takeDraft(attemptId: string): ContactDraft | null {
  try {
    const draft = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<ContactDraft> | null;
    if (draft?.attemptId !== attemptId) return null;
    sessionStorage.removeItem(KEY);
    return { attemptId, category: String(draft.category ?? ''), subject: String(draft.subject ?? ''), body: String(draft.body ?? '') };
  } catch {
    return null;
  }
}

export function dropDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}

/** A route-tree path with `name=value` added to its query. */
export function withParam(path: string, name: string, value: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;
}
