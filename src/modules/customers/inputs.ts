import { z } from 'zod';

const noControlCharacters = (value: string) => !/\p{Cc}/u.test(value);

/** What staff type into the search box: anything printable, up to a long email address or two. */
export const customerSearchInput = z.object({
  q: z
    .string()
    .max(200, 'Search for at most 200 characters.')
    .refine(noControlCharacters, 'Must not contain control characters.')
    .transform((q) => q.trim())
    .default(''),
});
export type CustomerSearch = z.infer<typeof customerSearchInput>;
