import { sections } from '@config/sections';
import { publicPath } from '@/platform/http/portal-path';

export type Screen = { title: string; path: string; why: string };
export type Article = { id: string; slug: string; title: string; section: string; snippet: string };
export type Suggestions = { screens: Screen[]; articles: Article[] };

/** Where an article is read (a route-tree path): its section's page, whose help drawer opens it. */
function articlePath(article: Article): string {
  const section = sections.find((s) => s.id === article.section);
  return `${section?.href ?? '/account'}?help=${encodeURIComponent(article.slug)}`;
}

/** The suggestions beside the form: screens first (each a way to do it now), then help articles. */
export function SuggestionList({ suggestions, onFollow }: { suggestions: Suggestions; onFollow: (via: 'screen' | 'article', target: string, path: string) => void }) {
  const follow = (via: 'screen' | 'article', target: string, path: string) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onFollow(via, target, path);
  };
  return (
    <div className="stack">
      {suggestions.screens.length > 0 ? (
        <ul className="result-list" aria-label="Do it yourself">
          {suggestions.screens.map((screen) => (
            <li key={screen.path}>
              <a href={publicPath(screen.path)} className="result" onClick={follow('screen', screen.path, screen.path)}>
                <span className="result-title">{screen.title}</span>
                <span className="small muted">{screen.why}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {suggestions.articles.length > 0 ? (
        <ul className="result-list" aria-label="Help articles">
          {suggestions.articles.map((article) => (
            <li key={article.id}>
              <a href={publicPath(articlePath(article))} className="result" onClick={follow('article', article.id, articlePath(article))}>
                <span className="result-title">{article.title}</span>
                <span className="small muted">{article.snippet}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
