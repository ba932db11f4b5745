/** The normal quantile of a two-sided 95 % interval. */
export const Z_95 = 1.959964;

/** Wilson's score interval of a proportion x / n (Wilson, 1927); null without observations. */
export function wilson(x: number, n: number, z = Z_95): [number, number] | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return [(centre - spread) / denominator, (centre + spread) / denominator];
}

/**
 * Newcombe's hybrid score interval of p1 − p2 (Newcombe, 1998, method 10): each proportion's Wilson
 * interval, combined as the square root of the summed squared distances on each side.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z_95): [number, number] | null {
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  if (!a || !b) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - a[0]) ** 2 + (b[1] - p2) ** 2), d + Math.sqrt((a[1] - p1) ** 2 + (p2 - b[0]) ** 2)];
}
