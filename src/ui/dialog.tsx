'use client';

import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from './button';
import { Input } from './input';

const FOCUSABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), ' +
  'select:not([disabled]), textarea:not([disabled]), iframe, [contenteditable="true"], [tabindex]';

function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.tabIndex >= 0 && !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

/* ------------------------------------------------------------------ Dialog */

export type DialogProps = {
  open: boolean;
  /** Called on Escape, the close (×) button, or a backdrop click. Set `open` to false in it. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons row, right-aligned. */
  footer?: ReactNode;
  /** Accessible label of the × button. Default 'Close'. */
  closeLabel?: string;
  /** Default true. */
  closeOnBackdropClick?: boolean;
  className?: string;
};

/**
 * Modal dialog on native <dialog>.showModal(). Contents mount only while open.
 * Initial focus: an element with `data-autofocus`, else the first focusable
 * element in the body/footer, else the × button. Focus returns to the
 * previously focused element on close. Tab / Shift+Tab wrap inside.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  closeLabel = 'Close',
  closeOnBackdropClick = true,
  className,
}: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  const openRef = useRef(open);
  const pressStartedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    onCloseRef.current = onClose;
    openRef.current = open;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const initial =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      focusableIn(dialog).find((el) => !el.hasAttribute('data-dialog-close')) ??
      focusableIn(dialog)[0] ??
      dialog;
    initial.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [open]);

  function handleKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget;
    const items = focusableIn(dialog);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    const outside = active === dialog || !dialog.contains(active);
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || outside)) {
      event.preventDefault();
      first.focus();
    }
  }

  // The panel fills the dialog box, so a press whose target is the <dialog>
  // itself landed on the backdrop. Require press and release both there so a
  // text selection dragged outside doesn't close it.
  function handleMouseDown(event: MouseEvent<HTMLDialogElement>) {
    pressStartedOnBackdrop.current = event.target === event.currentTarget;
  }
  function handleClick(event: MouseEvent<HTMLDialogElement>) {
    if (closeOnBackdropClick && pressStartedOnBackdrop.current && event.target === event.currentTarget) {
      onClose();
    }
    pressStartedOnBackdrop.current = false;
  }

  return (
    <dialog
      ref={dialogRef}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={open && description ? descriptionId : undefined}
      tabIndex={-1}
      onCancel={(event) => {
        // Escape: let the parent decide (it flips `open`).
        event.preventDefault();
        onCloseRef.current();
      }}
      onClose={() => {
        // Closed by the browser without our say (e.g. repeated Escape): sync state.
        if (openRef.current && !dialogRef.current?.open) onCloseRef.current();
      }}
      onKeyDown={handleKeyDown}
      onMouseDown={handleMouseDown}
      onClick={handleClick}
    >
      {open ? (
        <div className="dialog-panel">
          <div className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button
              type="button"
              className="btn btn-ghost btn-sm dialog-close"
              aria-label={closeLabel}
              data-dialog-close=""
              onClick={onClose}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
          {description || children ? (
            <div className="dialog-body">
              {description ? (
                <div id={descriptionId} className="muted">
                  {description}
                </div>
              ) : null}
              {children}
            </div>
          ) : null}
          {footer ? <div className="dialog-footer">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}

/* ----------------------------------------------------------- ConfirmDialog */

export type ConfirmDialogProps = {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  /** Default 'Confirm'. */
  confirmLabel?: string;
  /** Default 'Cancel'. */
  cancelLabel?: string;
  /** Red confirm button. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Typed confirmation: confirm stays disabled until the user types exactly this. */
  confirmText?: string;
};

/**
 * Confirmation dialog. Initial focus is on Cancel (or on the typed-confirmation
 * input). All its buttons are type="button" and the input has no name, so it is
 * safe to render inside another <form>.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel = 'Confirm',
  cancelLabel = 'Cancel',
  danger = false,
  onConfirm,
  onCancel,
  confirmText,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onCancel} title={title} description={description}>
      {/* Mounted only while open, so the typed text resets each time. */}
      <ConfirmDialogActions
        confirmLabel={confirmLabel}
        cancelLabel={cancelLabel}
        danger={danger}
        onConfirm={onConfirm}
        onCancel={onCancel}
        confirmText={confirmText}
      />
    </Dialog>
  );
}

function ConfirmDialogActions({
  confirmLabel,
  cancelLabel,
  danger,
  onConfirm,
  onCancel,
  confirmText,
}: Required<Pick<ConfirmDialogProps, 'confirmLabel' | 'cancelLabel' | 'danger'>> &
  Pick<ConfirmDialogProps, 'onConfirm' | 'onCancel' | 'confirmText'>) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const canConfirm = confirmText === undefined || typed === confirmText;

  return (
    <>
      {confirmText !== undefined ? (
        <div className="field">
          <label className="label" htmlFor={inputId}>
            Type <strong className="mono">{confirmText}</strong> to confirm
          </label>
          <Input
            id={inputId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              // Never let Enter implicitly submit a surrounding form.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              if (canConfirm) onConfirm();
            }}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
          />
        </div>
      ) : null}
      <div className="dialog-footer">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
        <Button
          type="button"
          variant={danger ? 'danger' : 'primary'}
          disabled={!canConfirm}
          onClick={onConfirm}
        >
          {confirmLabel}
        </Button>
      </div>
    </>
  );
}

/* ----------------------------------------------------------- ConfirmButton */

export type ConfirmButtonProps = Omit<ButtonProps, 'title' | 'type' | 'onClick' | 'ref'> &
  Omit<ConfirmDialogProps, 'open' | 'onConfirm' | 'onCancel'> & {
    /** If given, called on confirm instead of submitting the surrounding form. */
    onConfirm?: () => void;
  };

/**
 * Submit button that asks first. Inside `<form action={serverAction}>` it
 * opens a ConfirmDialog and, on confirm, calls form.requestSubmit(button) — so
 * the button's own name/value/formAction are submitted as usual. Disabled
 * while the form action is pending. Variant defaults to 'danger' when `danger`.
 */
export function ConfirmButton({
  title,
  description,
  confirmLabel,
  cancelLabel,
  danger,
  confirmText,
  onConfirm,
  variant,
  disabled,
  children,
  ...buttonProps
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pending } = useFormStatus();

  return (
    <>
      <Button
        {...buttonProps}
        ref={buttonRef}
        type="submit"
        variant={variant ?? (danger ? 'danger' : 'primary')}
        disabled={disabled || pending}
        aria-haspopup="dialog"
        onClick={(event) => {
          // Also catches implicit submission (Enter in a field), which clicks this button.
          event.preventDefault();
          const form = event.currentTarget.form;
          if (form && !form.noValidate && !buttonProps.formNoValidate && !form.reportValidity()) return;
          setOpen(true);
        }}
      >
        {children}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        cancelLabel={cancelLabel}
        danger={danger}
        confirmText={confirmText}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          if (onConfirm) {
            onConfirm();
            return;
          }
          const button = buttonRef.current;
          button?.form?.requestSubmit(button);
        }}
      />
    </>
  );
}
