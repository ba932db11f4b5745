import { ArticleForm } from '@/modules/help/ui/article-form';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { createArticleAction } from '../actions';

export const metadata = { title: 'New help article' };

export default async function NewHelpArticlePage() {
  await requireStaffPage('staff.help.write');
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>New help article</h1>
          <p className="muted">Markdown; links to portal pages (such as /account/billing) stay inside the portal. Scripts and raw styling are removed.</p>
        </div>
      </div>
      <section className="card">
        <ArticleForm action={createArticleAction} submitLabel="Save article" />
      </section>
    </div>
  );
}
