import { notFound } from 'next/navigation';
import { findArticle } from '@/modules/help/articles';
import { renderArticle } from '@/modules/help/render';
import { ArticleForm } from '@/modules/help/ui/article-form';
import { canWriteHelp } from '@/modules/help/service';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ConfirmActionForm } from '@/ui/confirm-action-form';
import { deleteArticleAction, setPublishedAction, updateArticleAction } from '../actions';

export const metadata = { title: 'Help article' };

/** One article: its Markdown, the sanitized HTML customers get, and publishing. */
export default async function HelpArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireStaffPage('staff.help.read');
  const article = await findArticle(await getDb(), (await params).id);
  if (!article) notFound();
  const canWrite = canWriteHelp(me.role);
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>{article.title}</h1>
          <p className="muted">
            {article.published ? <span className="badge badge-success">Published</span> : <span className="badge">Draft</span>} {article.section} · {article.locale} · {article.slug}
          </p>
        </div>
        {canWrite ? (
          <span className="row row-end">
            <ConfirmActionForm
              action={setPublishedAction}
              fields={{ id: article.id, published: String(!article.published) }}
              variant="secondary"
              title={article.published ? 'Unpublish this article?' : 'Publish this article?'}
              description={article.published ? 'Customers stop seeing it at their next page load.' : 'Customers see it in the section’s Help drawer at their next page load.'}
              confirmLabel={article.published ? 'Unpublish' : 'Publish'}
            >
              {article.published ? 'Unpublish' : 'Publish'}
            </ConfirmActionForm>
            <ConfirmActionForm
              action={deleteArticleAction}
              fields={{ id: article.id }}
              variant="secondary"
              title="Delete this article?"
              description="It disappears from the portal at once, with its votes. This cannot be undone."
              confirmLabel="Delete"
              danger
            >
              Delete
            </ConfirmActionForm>
          </span>
        ) : null}
      </div>

      {canWrite ? (
        <section className="card" aria-label="Edit">
          <ArticleForm action={updateArticleAction} article={article} submitLabel="Save" />
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview (as saved)</h2>
        <div className="help-body" dangerouslySetInnerHTML={{ __html: renderArticle(article.body) }} />
      </section>
    </div>
  );
}
