'use client';

import { sections } from '@config/sections';
import type { FormState } from '@/ui/form-state';
import { ActionForm, Field } from '@/ui/action-form';
import { HELP_LOCALES } from '../inputs';

export type ArticleFormValues = { id?: string; section: string; slug: string; title: string; body: string; locale: string; published: boolean };

/** Writing an article: its section, locale and slug, its title and its Markdown. */
export function ArticleForm({ action, article, submitLabel }: { action: (state: FormState, data: FormData) => Promise<FormState>; article?: ArticleFormValues; submitLabel: string }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} label="Help article">
      {article?.id ? <input type="hidden" name="id" value={article.id} /> : null}
      <div className="row">
        <Field label="Section" name="section">
          <select name="section" className="input" defaultValue={article?.section ?? 'account'}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Locale" name="locale">
          <select name="locale" className="input" defaultValue={article?.locale ?? 'en'}>
            {HELP_LOCALES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Slug" name="slug" required defaultValue={article?.slug} hint="Lowercase words joined by hyphens, unique per locale." fieldClassName="grow" />
      </div>
      <Field label="Title" name="title" required defaultValue={article?.title} />
      <Field label="Body (Markdown)" name="body">
        <textarea name="body" className="input mono" rows={14} defaultValue={article?.body} required />
      </Field>
      <label className="row">
        <input type="checkbox" name="published" defaultChecked={article?.published ?? false} /> Published (shown in the portal’s help drawer)
      </label>
    </ActionForm>
  );
}
