export type MailContent = {
  /** Preview line shown by clients next to the subject; hidden in the body. */
  preheader?: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
  /** A link after the footer's text (where to change which mails one gets). */
  footerLink?: { label: string; url: string };
  brand?: string;
};

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const ACCENT = '#4338ca';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function safeUrl(url: string): string {
  // Escaping alone would still let a javascript: or data: URL through into href.
  if (!/^https?:\/\//i.test(url)) throw new Error(`Mail action URL must be http(s): ${url}`);
  return url;
}

/** Renders a table-based, inline-styled HTML mail and its plain-text twin from the same content. */
export function renderMail(content: MailContent): { html: string; text: string } {
  const url = content.action ? safeUrl(content.action.url) : undefined;
  return { html: renderHtml(content, url), text: renderText(content, url) };
}

function renderHtml({ preheader, heading, paragraphs, action, footer, footerLink, brand = 'Deflect' }: MailContent, url?: string): string {
  const e = escapeHtml;
  const row = (style: string, inner: string) => `<tr><td style="${style}">${inner}</td></tr>`;
  const textStyle = `font-family:${FONT};font-size:16px;line-height:24px;color:#1f2937;`;

  const body = paragraphs.map((p) =>
    row('padding:0 32px 16px 32px;', `<p style="margin:0;${textStyle}">${e(p)}</p>`),
  );

  if (action && url) {
    const button =
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
      `<td align="center" bgcolor="${ACCENT}" style="border-radius:6px;background-color:${ACCENT};">` +
      `<a href="${e(url)}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;font-weight:600;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${e(action.label)}</a>` +
      `</td></tr></table>`;
    body.push(row('padding:8px 32px 24px 32px;', button));
    body.push(
      row(
        'padding:0 32px 16px 32px;',
        `<p style="margin:0;font-family:${FONT};font-size:13px;line-height:20px;color:#6b7280;">If the button does not work, copy this link into your browser:<br>` +
          `<a href="${e(url)}" target="_blank" style="color:${ACCENT};word-break:break-all;">${e(url)}</a></p>`,
      ),
    );
  }

  const footerAnchor = footerLink ? ` <a href="${e(safeUrl(footerLink.url))}" target="_blank" style="color:${ACCENT};">${e(footerLink.label)}</a>` : '';
  const footerRow = footer
    ? row(
        'padding:16px 32px 24px 32px;border-top:1px solid #e5e7eb;',
        `<p style="margin:0;font-family:${FONT};font-size:13px;line-height:20px;color:#6b7280;">${e(footer)}${footerAnchor}</p>`,
      )
    : row('padding:0 0 8px 0;', '');

  const hiddenPreheader = preheader
    ? `<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;">${e(preheader)}</div>`
    : '';

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${e(heading)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
${hiddenPreheader}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:32px 12px;">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:560px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">
${row(`padding:24px 32px 8px 32px;font-family:${FONT};font-size:14px;font-weight:700;letter-spacing:0.02em;color:${ACCENT};`, e(brand))}
${row('padding:8px 32px 16px 32px;', `<h1 style="margin:0;font-family:${FONT};font-size:22px;line-height:30px;font-weight:700;color:#111827;">${e(heading)}</h1>`)}
${body.join('\n')}
${footerRow}
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function renderText({ heading, paragraphs, action, footer, footerLink, brand = 'Deflect' }: MailContent, url?: string): string {
  const blocks = [heading, ...paragraphs];
  if (action && url) blocks.push(`${action.label}: ${url}`);
  if (footer) blocks.push(footerLink ? `${footer}\n${footerLink.label}: ${safeUrl(footerLink.url)}` : footer);
  blocks.push(`-- \n${brand}`);
  return `${blocks.join('\n\n')}\n`;
}
