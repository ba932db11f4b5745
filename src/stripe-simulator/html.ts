import type { Reply } from './http';

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page for a person (the portal, a missing PDF), with the viewport set for phones. */
export const html = (status: number, title: string, body: string): Reply => ({
  status,
  contentType: 'text/html; charset=utf-8',
  content: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`,
});
