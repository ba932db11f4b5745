import { isSwitchedOff } from '../config/sections';
import { failFromUnknown } from './envelope';
import { notFound } from './errors';
import { isPlausibleSegment } from './path-segments';
import { routePathOf } from './portal-path';
import { requestIdOf } from './request-meta';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: the JSON routes of a switched-off section answer 404, and every thrown error
 * becomes the JSON envelope with its status. (Here rather than in the proxy, which would cost every
 * JSON call a middleware pass.)
 */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      if (isSwitchedOff(routePathOf(request.url))) throw notFound('Route');
      return await handler(request, context);
    } catch (error) {
      return failFromUnknown(error, requestIdOf(request.headers));
    }
  };
}

/** Next passes dynamic segments as a promise; this unwraps one by name. One no id could match is not found. */
export async function param<P extends Record<string, string>>(context: { params: Promise<P> }, name: keyof P): Promise<string> {
  const value = (await context.params)[name] as string;
  if (!isPlausibleSegment(value)) throw notFound();
  return value;
}
