/** Client IP and user agent, for audit rows and rate limits. Trusts the first X-Forwarded-For hop. */
export function requestMeta(headers: Headers): { ip: string | null; userAgent: string | null } {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || headers.get('x-real-ip') || null, userAgent: headers.get('user-agent') };
}
