import { defineQuery } from '@/platform/actions/define-query';
import { publishedArticles } from './articles';
import { helpQueryInput } from './inputs';

/** `GET /api/account/help` and the help drawer: the published articles, in the reader's locale. */
export const helpQuery = defineQuery({
  name: 'help.read',
  input: helpQueryInput,
  run: async ({ db }, query) => ({ articles: await publishedArticles(db, query) }),
});
