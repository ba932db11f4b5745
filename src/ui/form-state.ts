/** What a server action tells the form that called it. */
export type FormState = {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fields?: Record<string, string>;
  /** Data the form shows once (e.g. backup codes); never echoed into logs. */
  data?: Record<string, unknown>;
};

export const idleFormState: FormState = { status: 'idle' };
