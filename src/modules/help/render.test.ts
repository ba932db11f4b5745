import { describe, expect, it } from 'vitest';
import { renderArticle } from './render';
import { sectionIdOfPage } from '@config/sections';

// Articles are rendered to HTML for the customer's browser: nothing that runs, loads or restyles survives.

describe('renderArticle', () => {
  it.each([
    ['a script tag', 'Hi <script>alert(1)</script> there', /<script|alert/i],
    ['an event handler on an image', '<img src="x" onerror="alert(1)">', /onerror|<img/i],
    ['an event handler on an allowed tag', '<p onclick="steal()">text</p>', /onclick|steal/],
    ['a javascript: link', '[click](javascript:alert(1))', /javascript:/i],
    ['a mixed-case javascript: link', '[click](JaVaScRiPt:alert(1))', /javascript:/i],
    ['an entity-obfuscated javascript: link', '<a href="jav&#x09;ascript:alert(1)">x</a>', /ascript|href/i],
    ['a data: URL', '[doc](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', /data:|href/i],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /iframe|evil/i],
    ['a style tag and attribute', '<style>body{display:none}</style><p style="position:fixed">x</p>', /style|display|position/i],
    ['a protocol-relative link', '[x](//evil.example/path)', /evil/],
  ])('drops %s', (_, body, forbidden) => {
    expect(renderArticle(body)).not.toMatch(forbidden);
  });

  it('renders Markdown: headings, emphasis, lists and code', () => {
    const html = renderArticle('# Title\n\nSome **bold** and `code`.\n\n- one\n- two');
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/);
  });

  it('keeps portal links relative and in place; other sites open without opener or referrer', () => {
    expect(renderArticle('[Billing](/account/billing)')).toBe('<p><a href="/account/billing">Billing</a></p>\n');
    expect(renderArticle('[Stripe](https://stripe.com/docs)')).toBe('<p><a href="https://stripe.com/docs" rel="noopener noreferrer" target="_blank">Stripe</a></p>\n');
  });
});

describe('sectionIdOfPage', () => {
  it.each([
    ['/account', 'account'],
    ['/account/notifications', 'account'],
    ['/account/billing', 'billing'],
    ['/account/invoices/in_123?x=1', 'invoices'],
    ['/account/api-keys/', 'api-keys'],
    ['/account/activity', 'activity'],
  ])('%s belongs to %s', (path, section) => {
    expect(sectionIdOfPage(path)).toBe(section);
  });
});
