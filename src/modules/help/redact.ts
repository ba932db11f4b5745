/** What a ticket knows about the people and the customer in it: each value is removed wherever it appears. */
export type KnownDetails = { names: readonly string[]; organization: string; ticketNumber: number };

export const REDACTED = { name: '[name]', organization: '[your company]', email: '[email]', phone: '[phone]', link: '[link]', ticket: '[ticket]' } as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** International numbers (+49 …, 0044 …) and local ones written in groups ((030) 1234 5678, 555-123-4567). */
const PHONE = /(?:(?:\+|\b00)\d[\d ().-]{6,}\d|\(?\b\d{3,5}\)?[ .-]\d{3,4}[ .-]?\d{3,5}\b)/g;
const URL = /\bhttps?:\/\/[^\s<>()"']*[^\s<>()"'.,;:!?]/g;
/** A link that carries someone's access: a query string, or a path segment that looks like a random token. */
const TOKEN_SEGMENT = /\/[A-Za-z0-9_-]*(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{16,}/;

const GREETING = /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|guten tag|bonjour)\b[^\n]{0,60}$/i;
const SIGN_OFF = /^\s*(?:thanks|thank you|many thanks|thanks again|cheers|best|best regards|kind regards|regards|warm regards|sincerely|all the best|greetings|viele grüße|mit freundlichen grüßen|cordialement)\s*[,.!]?\s*(?:[\p{Lu}][\p{L}'-]*(?:\s+[\p{Lu}][\p{L}'-]*){0,2})?\s*$/iu;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (value: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'giu');

/** A full name and each of its parts (first name, last name), longest first so a full name goes as one. */
function nameVariants(names: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (!trimmed || trimmed.includes('@')) continue;
    variants.add(trimmed);
    for (const part of trimmed.split(/\s+/)) if (part.length >= 2) variants.add(part);
  }
  return [...variants].sort((a, b) => b.length - a.length);
}

const LEGAL_SUFFIX = /[\s,]+(?:gmbh|ag|inc\.?|ltd\.?|llc|bv|b\.v\.|sa|sas|sarl|corp\.?|co\.?|plc|oy|ab)$/i;

/** The organization's name as registered, and as people write it without the legal form (Acme for Acme GmbH). */
function organizationVariants(organization: string): string[] {
  const full = organization.trim();
  const short = full.replace(LEGAL_SUFFIX, '').trim();
  return [full, short].filter((v, i, all) => v.length >= 2 && all.indexOf(v) === i);
}

/** Drops the greeting line at the top and the sign-off with everything below it (the signature). */
function withoutGreetingAndSignature(text: string): string {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start >= 0 && GREETING.test(lines[start]!)) lines.splice(start, 1);
  const signOff = lines.findIndex((l, i) => i > 0 && SIGN_OFF.test(l));
  return (signOff > 0 ? lines.slice(0, signOff) : lines).join('\n').trim();
}

/**
 * A ticket message with the customer's details taken out, for a help article anyone may read: the
 * greeting and signature, the names, organization, email addresses, phone numbers, links that carry a
 * token, and the ticket's number. The question and the answer stay as written.
 */
export function redactCustomerDetails(text: string, known: KnownDetails): string {
  let out = withoutGreetingAndSignature(text);
  out = out.replace(URL, (url) => (url.includes('?') || TOKEN_SEGMENT.test(url) ? REDACTED.link : url));
  out = out.replace(EMAIL, REDACTED.email);
  out = out.replace(PHONE, REDACTED.phone);
  for (const name of organizationVariants(known.organization)) out = out.replace(wholeWord(name), REDACTED.organization);
  for (const name of nameVariants(known.names)) out = out.replace(wholeWord(name), REDACTED.name);
  return out.replace(new RegExp(`(?:\\bticket\\s*)?#\\s*${known.ticketNumber}\\b|\\bticket\\s+(?:number\\s+)?${known.ticketNumber}\\b`, 'gi'), REDACTED.ticket);
}
