import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { Input, type InputProps } from './input';

export type FormFieldProps = Omit<InputProps, 'name' | 'id' | 'children' | 'invalid'> & {
  label: ReactNode;
  name: string;
  /** Defaults to `field-${name}`; pass one if the same name appears twice on a page. */
  id?: string;
  /** Error message; also marks the control aria-invalid. */
  error?: ReactNode;
  hint?: ReactNode;
  /**
   * Custom control (e.g. <select className="input">). A single element gets
   * id, aria-describedby and aria-invalid injected; it must carry its own name.
   */
  children?: ReactNode;
  /** Extra class on the wrapping div.field. */
  fieldClassName?: string;
};

/** Label + control + hint + error, wired together for assistive tech. Server-safe. */
export function FormField({
  label,
  name,
  id,
  error,
  hint,
  children,
  fieldClassName,
  ...inputProps
}: FormFieldProps) {
  const child = isValidElement(children)
    ? (children as ReactElement<Record<string, unknown>>)
    : null;
  const childId = typeof child?.props.id === 'string' ? child.props.id : undefined;
  const controlId = id ?? childId ?? `field-${name}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy =
    [inputProps['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = Boolean(error);

  let control: ReactNode;
  if (children === undefined || children === null) {
    control = (
      <Input
        {...inputProps}
        id={controlId}
        name={name}
        invalid={invalid}
        aria-describedby={describedBy}
      />
    );
  } else if (child) {
    control = cloneElement(child, {
      id: controlId,
      'aria-describedby':
        [child.props['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined,
      'aria-invalid': invalid ? true : child.props['aria-invalid'],
    });
  } else {
    control = children;
  }

  return (
    <div className={fieldClassName ? `field ${fieldClassName}` : 'field'}>
      <label className="label" htmlFor={controlId}>
        {label}
      </label>
      {control}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
