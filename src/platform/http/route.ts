import { failFromUnknown } from './envelope';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler: every thrown error becomes the JSON envelope with its status. */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return failFromUnknown(error);
    }
  };
}

/** Next passes dynamic segments as a promise; this unwraps one by name. */
export async function param<P extends Record<string, string>>(context: { params: Promise<P> }, name: keyof P): Promise<string> {
  return (await context.params)[name] as string;
}
