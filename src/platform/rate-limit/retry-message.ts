/** What a refused person reads: when to try again, rounded up to what a person can wait for. */
export function retryMessage(seconds: number): string {
  const wait = Math.max(1, Math.ceil(seconds));
  if (wait < 60) return `Too many attempts. Try again in ${wait} second${wait === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(wait / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
