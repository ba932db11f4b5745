'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';

export type ToastKind = 'success' | 'error' | 'info';

export type ToastApi = {
  show: (message: ReactNode, kind?: ToastKind) => void;
};

type ToastItem = { id: number; message: ReactNode; kind: ToastKind };

const DISMISS_AFTER_MS = 5000;
const MAX_VISIBLE = 5;

const ToastContext = createContext<ToastApi | null>(null);

/**
 * Wrap the app once (root layout). Renders two live regions that exist from
 * the first paint: a polite one (role="status") for success/info and an
 * assertive one (role="alert") for errors.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback((message: ReactNode, kind: ToastKind = 'info') => {
    nextId.current += 1;
    const toast = { id: nextId.current, message, kind };
    setToasts((current) => [...current.slice(-(MAX_VISIBLE - 1)), toast]);
  }, []);

  const api = useMemo<ToastApi>(() => ({ show }), [show]);
  const errors = toasts.filter((toast) => toast.kind === 'error');
  const others = toasts.filter((toast) => toast.kind !== 'error');

  return (
    <ToastContext value={api}>
      {children}
      <div className="toast-region">
        <div className="toast-list" role="alert" aria-atomic="false">
          {errors.map((toast) => (
            <Toast key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
        <div className="toast-list" role="status" aria-live="polite" aria-atomic="false">
          {others.map((toast) => (
            <Toast key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext>
  );
}

function Toast({ toast, onDismiss }: { toast: ToastItem; onDismiss: (id: number) => void }) {
  // Pause the dismissal timer while the pointer or keyboard focus is on the toast.
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDismiss(toast.id), DISMISS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [paused, toast.id, onDismiss]);

  return (
    <div
      className={`toast toast-${toast.kind}`}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div className="toast-message">{toast.message}</div>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        aria-label="Dismiss notification"
        onClick={() => onDismiss(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/** `const toast = useToast(); toast.show('Saved', 'success')`. Requires <ToastProvider>. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() must be used inside <ToastProvider>.');
  return api;
}

export type FlashToastProps = {
  message: string;
  /** Default 'info'. */
  kind?: ToastKind;
};

/**
 * Shows one toast when mounted (or when message/kind change) and renders
 * nothing. Use it to surface a server action's result after a redirect.
 */
export function FlashToast({ message, kind = 'info' }: FlashToastProps) {
  const { show } = useToast();
  const shown = useRef<string | null>(null);

  useEffect(() => {
    const signature = `${kind}:${message}`;
    if (!message || shown.current === signature) return; // also dedupes Strict Mode re-runs
    shown.current = signature;
    show(message, kind);
  }, [message, kind, show]);

  return null;
}
