import { getConfig } from '../config';
import { publicPath } from './portal-path';

/** The absolute URL of a route-tree path (mails, Stripe, the host): PORTAL_URL, the base path, the page. */
export function portalUrlFor(internal: string): string {
  return getConfig().portalUrl + publicPath(internal);
}
