import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { attachmentHeaders } from './attachment';

/** The header as a client reads it: it must survive the Fetch Headers and parse to one file name. */
function fileNameSent(name: string): string {
  const header = new Headers(attachmentHeaders(name, 'application/pdf')).get('content-disposition')!;
  const { type, parameters } = parse(header);
  expect(type).toBe('attachment');
  expect(Object.keys(parameters).every((key) => key === 'filename' || key === 'filename*')).toBe(true);
  return parameters.filename!;
}

describe('attachmentHeaders', () => {
  it.each([
    ['Q"; filename="evil.exe.pdf', 'Q_; filename=_evil.exe.pdf'],
    ['Q"; filename=evil.exe; x=".pdf', 'Q_; filename=evil.exe; x=_.pdf'],
    ['Über-Rechnung №5.pdf', 'Über-Rechnung №5.pdf'],
    ['INV\r\nSet-Cookie: a=b.pdf', 'INV__Set-Cookie_ a=b.pdf'],
    ['INV\n1.pdf', 'INV_1.pdf'],
    ['INV\t1.pdf', 'INV_1.pdf'],
    ['INV\u00001.pdf', 'INV_1.pdf'],
    ['INV\u202e1fdp.exe', 'INV_1fdp.exe'],
    ['../../etc/passwd.pdf', '_._etc_passwd.pdf'],
    ['C:\\Windows\\evil.pdf', 'C__Windows_evil.pdf'],
    ['请求书 👍🏽.pdf', '请求书 👍🏽.pdf'],
    ['%41%0d%0a.pdf', '%41%0d%0a.pdf'],
    ["it's \\ a ; b, c.pdf", "it's _ a ; b, c.pdf"],
    ['.pdf', 'pdf'],
    ['"', '_'],
    [' .. ', 'file'],
  ])('%j is sent as one file name, %j', (name, expected) => {
    expect(fileNameSent(name)).toBe(expected);
  });

  it('keeps the extension of a very long name', () => {
    const sent = fileNameSent(`${'Ä'.repeat(500)}.pdf`);
    expect(sent.endsWith('.pdf')).toBe(true);
    expect([...sent]).toHaveLength(120);
  });

  it('sets the content type and keeps the download out of shared caches', () => {
    expect(attachmentHeaders('a.csv', 'text/csv; charset=utf-8')).toMatchObject({ 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'private, no-store' });
  });
});
