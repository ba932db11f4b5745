/** Runs once when the server starts: migrate, seed an empty database, print how to get in. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { boot } = await import('./boot');
  const { ConfigurationError } = await import('./platform/config');
  try {
    await boot();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    // Next would log it and serve on, failing every request; a configuration error stops the start instead.
    console.error(error.message);
    process.exit(1);
  }
}
