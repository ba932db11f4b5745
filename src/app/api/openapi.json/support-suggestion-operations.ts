import { z } from 'zod';
import { attemptFeedbackInput, resolvedInput, suggestionsInput } from '@/modules/support/suggestions/inputs';
import type { OperationSpec } from '@/platform/http/openapi/operation';

const session = { type: 'session' } as const;
const attempt = { attemptId: { description: 'The contact attempt id, from the suggestions’ answer.' } };

const suggestionsData = z.object({
  screens: z.array(z.object({ title: z.string(), path: z.string().describe('A portal path, possibly opening a flow (`?flow=`).'), why: z.string() })),
  articles: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string(), section: z.string(), snippet: z.string().describe('Plain text, never markup.') })),
  attemptId: z.string(),
  holdout: z.boolean().describe('A holdout attempt is shown no suggestions (both lists empty), to measure deflection against.'),
});

/** The contact form's suggestions and the outcome of a contact attempt. */
export const supportSuggestionOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/account/support/suggestions',
    tag: 'Support',
    summary: 'The portal screens and help articles that answer what the customer is writing',
    description:
      'The first call of a form visit creates a contact attempt (`attemptId`); pass it back on later calls so the same attempt records what was shown. Another person’s attempt id answers `not_found`. Screens the person’s role cannot open are left out; articles are published ones in the reader’s locale.',
    auth: session,
    query: suggestionsInput,
    success: { status: 200, description: 'The suggestions, best first, and the attempt.', data: suggestionsData },
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/api/account/support/attempts/{attemptId}/resolved',
    tag: 'Support',
    summary: 'The customer left the form for a suggestion (a point-of-contact deflection)',
    auth: session,
    pathParams: attempt,
    body: { schema: resolvedInput, fromPath: ['attemptId'] },
    success: { status: 204, description: 'Recorded.' },
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/api/account/support/attempts/{attemptId}/feedback',
    tag: 'Support',
    summary: 'Whether the suggestion followed solved it',
    auth: session,
    pathParams: attempt,
    body: { schema: attemptFeedbackInput, fromPath: ['attemptId'] },
    success: { status: 204, description: 'Recorded.' },
    errors: ['not_found'],
  },
];
