export function buildState(root?: string): 'missing' | 'stale' | 'fresh';
