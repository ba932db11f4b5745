import { z } from 'zod';
import { editScopeInput, newScopeDraftInput, scopeContentInput } from '@/modules/inbox-audit/scope/inputs';
import type { OperationSpec } from '@/platform/http/openapi/operation';

const time = z.iso.datetime();
const person = z.object({ id: z.string(), name: z.string() }).nullable();
const summary = z.object({
  version: z.int(),
  state: z.enum(['draft', 'signed', 'superseded']).describe('Signed versions are read-only; of the unsigned ones only the latest is the draft.'),
  audit: z.object({ id: z.string(), label: z.string() }).nullable().describe('The inbox audit it was proposed from; null once that audit is deleted.'),
  createdBy: person,
  createdAt: time,
  signedBy: person,
  signedAt: time.nullable(),
});
const scopeDocument = summary.extend({ content: scopeContentInput });
const documentData = z.object({ document: scopeDocument });
const version = { version: { description: 'The version number.' } };

/** The scope document of the staff console: every staff member reads the signed versions, leads draft and sign off. */
export const scopeOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/admin/scope',
    tag: 'Staff console',
    summary: 'The scope document: the signed version, the draft and the history',
    description: 'Agents get the signed versions only (`draft` null); leads every version.',
    auth: { type: 'staffSession' },
    success: {
      status: 200,
      description: 'The scope.',
      data: z.object({
        current: scopeDocument.nullable().describe('The latest signed version.'),
        draft: scopeDocument.nullable().describe('The latest version while unsigned.'),
        versions: z.array(summary).describe('Newest first.'),
        can: z.object({ write: z.boolean(), sign: z.boolean() }),
      }),
    },
  },
  {
    method: 'post',
    path: '/api/admin/scope',
    tag: 'Staff console',
    summary: 'Start a new version of the scope',
    description:
      'Lead only. `auditId` proposes from a finished inbox audit (the sections whose screens absorb its top reasons, most tickets first; the rest stays with support); `fromVersion` copies a version to revise it. The new version takes the next number and replaces any draft.',
    auth: { type: 'staffSession' },
    body: { schema: newScopeDraftInput },
    success: { status: 201, description: 'The new draft.', data: documentData },
    errors: ['forbidden', 'not_found'],
  },
  {
    method: 'get',
    path: '/api/admin/scope/{version}',
    tag: 'Staff console',
    summary: 'One version of the scope',
    description: 'An unsigned version is `not_found` for an agent.',
    auth: { type: 'staffSession' },
    pathParams: version,
    success: { status: 200, description: 'The version.', data: documentData },
    errors: ['not_found'],
  },
  {
    method: 'patch',
    path: '/api/admin/scope/{version}',
    tag: 'Staff console',
    summary: 'Edit the draft',
    description: 'Lead only. Only the latest version, until it is signed off: a signed or replaced version is a `conflict`.',
    auth: { type: 'staffSession' },
    pathParams: version,
    body: { schema: editScopeInput, fromPath: ['version'] },
    success: { status: 200, description: 'The draft.', data: documentData },
    errors: ['forbidden', 'not_found', 'conflict'],
  },
  {
    method: 'post',
    path: '/api/admin/scope/{version}/sign',
    tag: 'Staff console',
    summary: 'Sign the draft off',
    description: 'Lead only. The version becomes read-only and the scope every staff member sees; a signed or replaced version is a `conflict`.',
    auth: { type: 'staffSession' },
    pathParams: version,
    success: { status: 200, description: 'The signed version.', data: documentData },
    errors: ['forbidden', 'not_found', 'conflict'],
  },
];
