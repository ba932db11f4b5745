'use server';

import { draftEditOfForm, editScopeDraft, newScopeDraft, signScope } from '@/modules/inbox-audit/scope/service';
import { formAction } from '@/platform/actions/form-action';
import { getDb } from '@/platform/db/client';

const revalidate: [string, 'layout'][] = [['/admin/scope', 'layout']];

/** The fields of the draft form whose names start with `prefix`, by the rest of their name. */
function prefixed(formData: FormData, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (name.startsWith(prefix) && typeof value === 'string') out[name.slice(prefix.length)] = value;
  return out;
}

export const proposeScopeAction = formAction(newScopeDraft, {
  asStaff: true,
  input: (formData) => ({ auditId: formData.get('auditId') || undefined }),
  revalidate,
  success: ({ document }) => `Version ${document.version} proposed from the audit. Edit it, then sign it off.`,
});

export const reviseScopeAction = formAction(newScopeDraft, {
  asStaff: true,
  input: (formData) => ({ fromVersion: formData.get('fromVersion') }),
  revalidate,
  success: ({ document }) => `Version ${document.version} started from the signed scope.`,
});

export const saveScopeDraftAction = formAction(editScopeDraft, {
  asStaff: true,
  input: async (formData) =>
    draftEditOfForm(await getDb(), {
      version: formData.get('version'),
      launch: formData.getAll('launch'),
      sectionNotes: prefixed(formData, 'sectionNotes.'),
      reasons: prefixed(formData, 'reasons.'),
      notes: formData.get('notes') ?? '',
    }),
  revalidate,
  success: ({ document }) => `Draft version ${document.version} saved.`,
});

export const signScopeAction = formAction(signScope, {
  asStaff: true,
  input: (formData) => ({ version: formData.get('version') }),
  revalidate,
  success: ({ document }) => `Version ${document.version} is signed off: every staff member now sees it.`,
});
