import { z } from 'zod';
import { feedbackInput, feedbackKinds, staffFeedbackQuery } from '@/modules/feedback/service';
import type { OperationSpec } from '@/platform/http/openapi/operation';

const feedback = z.object({
  id: z.string(),
  kind: z.enum(feedbackKinds),
  message: z.string(),
  page: z.string().describe('The portal page it was sent from (a route-tree path under `/account`).'),
  createdAt: z.iso.datetime(),
});

/** The feedback button of every portal page, and the console's list of what it sent. */
export const feedbackOperations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/account/feedback',
    tag: 'Feedback',
    summary: 'Send a bug, an idea or a question about a portal page',
    description: '`page` is a path of the portal (`/account` or below it): a URL, a host or a dot segment answers 422. Emits `feedback.submitted`.',
    auth: { type: 'session' },
    body: { schema: feedbackInput },
    success: { status: 201, description: 'The feedback as stored.', data: z.object({ feedback }) },
  },
  {
    method: 'get',
    path: '/api/admin/feedback',
    tag: 'Staff console',
    summary: 'Every customer’s feedback, newest first',
    auth: { type: 'staffSession' },
    query: staffFeedbackQuery,
    success: {
      status: 200,
      description: 'The newest feedback, each with its organization and the sender’s email (null once they are deleted).',
      data: z.object({ feedback: z.array(feedback.extend({ organization: z.object({ id: z.string(), name: z.string() }), from: z.string().nullable() })) }),
    },
  },
];
