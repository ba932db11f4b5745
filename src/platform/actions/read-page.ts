import type { z } from 'zod';
import { currentActor } from '../auth/current';
import { AppError, type FieldErrors } from '../http/errors';
import type { QueryDefinition } from './define-query';
import { executeQuery } from './execute-query';

/** A page's read: its data, or why there is none, for the page to say so (or answer 404). */
export type PageRead<R> = { status: 'ok'; data: R } | { status: 'refused' } | { status: 'not_found' } | { status: 'invalid'; fields: FieldErrors };

const outcomes: Partial<Record<AppError['code'], (error: AppError) => PageRead<never>>> = {
  forbidden: () => ({ status: 'refused' }),
  not_found: () => ({ status: 'not_found' }),
  validation_failed: (error) => ({ status: 'invalid', fields: error.fields ?? {} }),
};

/** Runs a query for the member signed in on this page (the page has already required the session). */
export async function readPage<S extends z.ZodType, R>(query: QueryDefinition<S, R>, rawInput: unknown): Promise<PageRead<R>> {
  try {
    return { status: 'ok', data: await executeQuery(await currentActor(), query, rawInput) };
  } catch (error) {
    const outcome = error instanceof AppError ? outcomes[error.code] : undefined;
    if (!outcome) throw error;
    return outcome(error as AppError);
  }
}
