import { sectionsOpenTo } from '@/modules/rollout/service';
import { defineQuery } from '@/platform/actions/define-query';
import { publishedArticles } from './articles';
import { helpQueryInput } from './inputs';

/**
 * `GET /api/account/help` and the help drawer: the published articles, in the reader's locale, of the
 * sections rolled out to the reader's organization.
 */
export const helpQuery = defineQuery({
  name: 'help.read',
  input: helpQueryInput,
  async run({ db, organizationId }, query) {
    const open = await sectionsOpenTo(organizationId);
    return { articles: (await publishedArticles(db, query)).filter((a) => open.has(a.section)) };
  },
});
