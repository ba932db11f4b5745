import { z } from 'zod';
import { MAX_REDIRECT_LENGTH, resolveRedirectTarget } from './redirect-target';

/** A landing page given in a body: resolved like `next=`, stored normalized, never another host. */
export function redirectPath(prefixes: readonly string[], message: string) {
  return z.string().max(MAX_REDIRECT_LENGTH).transform((value, ctx) => {
    const target = resolveRedirectTarget(value, prefixes);
    if (target === null) ctx.addIssue({ code: 'custom', message });
    return target ?? z.NEVER;
  });
}
