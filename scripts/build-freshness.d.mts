export function buildState(root?: string, options?: { distDir?: string; basePath?: string }): 'missing' | 'stale' | 'fresh';
