import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Articles are written by staff but shown inside the customer's session, so their HTML is treated as
// untrusted: Markdown (raw HTML included) is rendered, then everything outside a small allow-list is
// dropped. No script, style, iframe, event handler or javascript:/data: URL survives.

const markdown = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'h2', 'h3', 'h4', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: linkOf, h1: 'h2' },
};

/** A portal path stays relative and opens in place; any other site's link opens without a referrer or opener. */
function linkOf(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const href = attribs.href?.trim() ?? '';
  const { title } = attribs;
  const base: sanitizeHtml.Attributes = title ? { title } : {};
  if (href.startsWith('/') && !href.startsWith('//')) return { tagName, attribs: { ...base, href } };
  if (href.startsWith('#')) return { tagName, attribs: { ...base, href } };
  return { tagName, attribs: { ...base, href, rel: 'noopener noreferrer', target: '_blank' } };
}

/** An article's Markdown as HTML safe to put in a page. */
export function renderArticle(body: string): string {
  return sanitizeHtml(markdown.parse(body, { async: false }), SANITIZE);
}
