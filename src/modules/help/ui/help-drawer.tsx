import { headers } from 'next/headers';
import { sections } from '@config/sections';
import { readPage } from '@/platform/actions/read-page';
import { helpQuery } from '../queries';
import { HelpDrawerClient, type DrawerArticle } from './help-drawer-client';

const plainText = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The header's Help button: every published article, rendered (and sanitized) on the server in the
 * reader's locale, so the drawer needs no fetch; the client part shows the current section's.
 */
export async function HelpDrawer() {
  const read = await readPage(helpQuery, { locale: (await headers()).get('accept-language') ?? undefined });
  const articles: DrawerArticle[] = read.status === 'ok' ? read.data.articles.map((a) => ({ id: a.id, title: a.title, section: a.section, html: a.html, text: `${a.title.toLowerCase()} ${plainText(a.html)}` })) : [];
  const labels = Object.fromEntries(sections.map((s) => [s.id, s.label]));
  return <HelpDrawerClient articles={articles} labels={labels} />;
}
