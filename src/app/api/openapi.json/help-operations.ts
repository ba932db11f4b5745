import { z } from 'zod';
import { adminListInput, createArticleInput, helpQueryInput, updateArticleInput, voteInput } from '@/modules/help/inputs';
import type { OperationSpec } from '@/platform/http/openapi/operation';

const time = z.string().describe('ISO 8601, UTC.');
const readerArticle = z.object({ id: z.string(), slug: z.string(), title: z.string(), section: z.string(), html: z.string().describe('Sanitized on the server.'), updatedAt: time });
const staffArticle = z.object({
  id: z.string(),
  section: z.string(),
  slug: z.string(),
  locale: z.string(),
  title: z.string(),
  body: z.string().describe('Markdown.'),
  published: z.boolean(),
  publishedAt: time.nullable(),
  createdAt: time,
  updatedAt: time,
});
const articleData = z.object({ article: staffArticle });
const articleId = { id: { description: 'The article id.' } };

/** The help drawer's articles: read and voted on in the portal, written in the staff console. */
export const helpOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/account/help',
    tag: 'Help',
    summary: 'Published help articles, in the reader’s locale',
    description: 'Each article once: in the locale of `Accept-Language` where it is written in it, else in English. `q` filters with full-text search.',
    auth: { type: 'session' },
    query: helpQueryInput.omit({ locale: true }),
    success: { status: 200, description: 'The articles.', data: z.object({ articles: z.array(readerArticle) }) },
  },
  {
    method: 'post',
    path: '/api/account/help/articles/{id}/vote',
    tag: 'Help',
    summary: '“Was this helpful?”',
    description: 'One vote per person and article; a second replaces the first. An unknown or unpublished article is `not_found`.',
    auth: { type: 'session' },
    pathParams: articleId,
    body: { schema: voteInput, fromPath: ['id'] },
    success: { status: 204, description: 'Recorded.' },
    errors: ['not_found'],
  },
  {
    method: 'get',
    path: '/api/admin/help/articles',
    tag: 'Staff console',
    summary: 'Help articles, drafts included',
    auth: { type: 'staffSession' },
    query: adminListInput,
    success: { status: 200, description: 'The articles.', data: z.object({ articles: z.array(staffArticle) }) },
  },
  {
    method: 'post',
    path: '/api/admin/help/articles',
    tag: 'Staff console',
    summary: 'Write a help article',
    description: 'Lead only. A slug is unique per locale (422 naming `slug`).',
    auth: { type: 'staffSession' },
    body: { schema: createArticleInput },
    success: { status: 201, description: 'The article.', data: articleData },
    errors: ['forbidden'],
  },
  {
    method: 'patch',
    path: '/api/admin/help/articles/{id}',
    tag: 'Staff console',
    summary: 'Change, publish or unpublish a help article',
    description: 'Lead only. Customers see the change at their next page load.',
    auth: { type: 'staffSession' },
    pathParams: articleId,
    body: { schema: updateArticleInput, fromPath: ['id'] },
    success: { status: 200, description: 'The article.', data: articleData },
    errors: ['forbidden', 'not_found'],
  },
  {
    method: 'delete',
    path: '/api/admin/help/articles/{id}',
    tag: 'Staff console',
    summary: 'Delete a help article and its votes',
    description: 'Lead only.',
    auth: { type: 'staffSession' },
    pathParams: articleId,
    success: { status: 200, description: 'The deleted article.', data: articleData },
    errors: ['forbidden', 'not_found'],
  },
];
