'use server';

import { createHelpArticle, deleteHelpArticle, updateHelpArticle } from '@/modules/help/actions';
import { formAction } from '@/platform/actions/form-action';

/** The article form's fields; the Published box is only sent when ticked. */
function articleInput(formData: FormData) {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    id: field('id'),
    section: field('section'),
    slug: field('slug'),
    title: field('title'),
    body: field('body'),
    locale: field('locale'),
    published: formData.get('published') === 'on',
  };
}

export const createArticleAction = formAction(createHelpArticle, {
  asStaff: true,
  input: articleInput,
  revalidate: [['/admin/help', 'layout']],
  redirect: ({ article }) => `/admin/help/${encodeURIComponent(article.id)}`,
});

export const updateArticleAction = formAction(updateHelpArticle, {
  asStaff: true,
  input: articleInput,
  revalidate: [['/admin/help', 'layout']],
  success: ({ article }) => (article.published ? 'Saved and published.' : 'Saved as a draft.'),
});

export const setPublishedAction = formAction(updateHelpArticle, {
  asStaff: true,
  input: (formData) => ({ id: formData.get('id'), published: formData.get('published') === 'true' }),
  revalidate: [['/admin/help', 'layout']],
  success: ({ article }) => (article.published ? `“${article.title}” is published.` : `“${article.title}” is back to a draft.`),
});

export const deleteArticleAction = formAction(deleteHelpArticle, {
  asStaff: true,
  revalidate: [['/admin/help', 'layout']],
  redirect: () => '/admin/help',
});
