'use client';

import { useEffect, useRef, useState } from 'react';
import { publicPath } from '@/platform/http/portal-path';
import type { Suggestions } from './suggestion-list';

const DEBOUNCE_MS = 300;
/** Fewer characters than this (and no category) ask nothing yet. */
const MIN_CHARS = 4;

export type SuggestionState =
  | { status: 'idle' }
  | { status: 'loading'; previous: Suggestions | null }
  | { status: 'ready'; suggestions: Suggestions; holdout: boolean }
  | { status: 'error'; message: string };

/**
 * The suggestions for what the customer is writing: a debounced GET of the suggestions route, the
 * visit's attempt id carried from the first answer to every later call.
 */
export function useSuggestions(text: string, category: string) {
  const [state, setState] = useState<SuggestionState>({ status: 'idle' });
  const attemptId = useRef<string | null>(null);
  const q = text.trim();
  const asks = q.length >= MIN_CHARS || category !== '';

  useEffect(() => {
    if (!asks) {
      setState({ status: 'idle' });
      return;
    }
    setState((s) => ({ status: 'loading', previous: s.status === 'ready' ? s.suggestions : s.status === 'loading' ? s.previous : null }));
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ q });
      if (category) params.set('category', category);
      if (attemptId.current) params.set('attemptId', attemptId.current);
      try {
        const response = await fetch(publicPath(`/api/account/support/suggestions?${params}`), { signal: controller.signal });
        const body = (await response.json()) as { data?: Suggestions & { attemptId: string; holdout: boolean }; error?: { message: string } };
        if (!body.data) throw new Error(body.error?.message ?? 'Suggestions could not be loaded.');
        attemptId.current = body.data.attemptId;
        setState({ status: 'ready', suggestions: { screens: body.data.screens, articles: body.data.articles }, holdout: body.data.holdout });
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setState({ status: 'error', message: 'Suggestions could not be loaded. You can still send your message.' });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, category, asks]);

  return { state, attemptId };
}
