import Link from 'next/link';
import type { ComponentPropsWithRef } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md';

type StyleProps = {
  /** Visual style. Default 'primary'. */
  variant?: ButtonVariant;
  /** Default 'md'. */
  size?: ButtonSize;
};

/** Class names for anything that should look like a button. */
export function buttonClassName(
  variant: ButtonVariant = 'primary',
  size: ButtonSize = 'md',
  className?: string,
): string {
  return ['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : null, className]
    .filter(Boolean)
    .join(' ');
}

export type ButtonProps = ComponentPropsWithRef<'button'> & StyleProps;

/**
 * Native <button>. Server-safe. Note: like the native element, `type`
 * defaults to "submit" inside a form — pass type="button" for non-submit actions.
 */
export function Button({ variant, size, className, ...props }: ButtonProps) {
  return <button {...props} className={buttonClassName(variant, size, className)} />;
}

export type ButtonLinkProps = ComponentPropsWithRef<typeof Link> & StyleProps;

/** A link (next/link → <a>) styled as a button. Use for navigation, not actions. */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link {...props} className={buttonClassName(variant, size, className)} />;
}
