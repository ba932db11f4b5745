import type { ComponentPropsWithRef } from 'react';

export type InputProps = ComponentPropsWithRef<'input'> & {
  /** Marks the field invalid (aria-invalid="true", red border). */
  invalid?: boolean;
};

/** Native <input class="input">. Server-safe; forwards all props (and ref). */
export function Input({ invalid, className, ...props }: InputProps) {
  return (
    <input
      {...props}
      aria-invalid={invalid ? true : props['aria-invalid']}
      className={className ? `input ${className}` : 'input'}
    />
  );
}
