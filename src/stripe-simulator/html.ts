import type { Reply } from './http';

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d2939;background:#f9fafb}',
  'section{background:#fff;border:1px solid #e4e7ec;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}',
  'h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:0}label{display:inline-block;padding:.25rem 0}',
  'button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #635bff;background:#635bff;color:#fff;cursor:pointer}',
  '[role=note]{background:#eef4ff;border:1px solid #c7d7fe;border-radius:8px;padding:.75rem 1rem}',
].join('');

/** A page for a person (the portal, a missing PDF), with the viewport set for phones. */
export const html = (status: number, title: string, body: string): Reply => ({
  status,
  contentType: 'text/html; charset=utf-8',
  content: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`,
});
