// Longer than any id, external id or name the portal hands out.
const MAX_SEGMENT_LENGTH = 256;

/** A decoded path segment the portal could have handed out: no control characters (NUL above all), not absurdly long. */
export function isPlausibleSegment(decoded: string): boolean {
  return decoded.length <= MAX_SEGMENT_LENGTH && !/\p{Cc}/u.test(decoded);
}

/** Whether each segment of a raw, still percent-encoded path decodes, and to a plausible segment. */
export function isWellFormedPath(rawPathname: string): boolean {
  return rawPathname.split('/').every((segment) => {
    try {
      return isPlausibleSegment(decodeURIComponent(segment));
    } catch {
      return false;
    }
  });
}
