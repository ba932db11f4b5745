// Stripe's error envelope, `{error: {type, code?, message, param?}}`, as an exception: the world's
// mutators throw it, the server answers it with its status.

export type FakeStripeErrorBody = {
  type: 'invalid_request_error' | 'api_error' | 'authentication_error' | 'rate_limit_error';
  code?: string;
  message: string;
  param?: string;
};

export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: FakeStripeErrorBody,
  ) {
    super(body.message);
    this.name = 'FakeStripeError';
  }
}

export function invalidRequest(message: string, { code, param, status = 400 }: { code?: string; param?: string; status?: number } = {}): FakeStripeError {
  return new FakeStripeError(status, { type: 'invalid_request_error', message, ...(code ? { code } : {}), ...(param ? { param } : {}) });
}

/** Stripe's answer for an id it does not know: 404 in the URL, 400 as a parameter. */
export function noSuch(noun: string, id: string, { param = 'id', status = 404 }: { param?: string; status?: number } = {}): FakeStripeError {
  return invalidRequest(`No such ${noun}: '${id}'`, { code: 'resource_missing', param, status });
}

export function missingParam(param: string): FakeStripeError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

/** A failure that is not the request's fault, typed by its status as Stripe types it. */
export function failureOf(status: number, message: string): FakeStripeError {
  if (status === 401) return new FakeStripeError(status, { type: 'authentication_error', message });
  if (status === 429) return new FakeStripeError(status, { type: 'rate_limit_error', message });
  if (status >= 500) return new FakeStripeError(status, { type: 'api_error', message });
  return invalidRequest(message, { status });
}
