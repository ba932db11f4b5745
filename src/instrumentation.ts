/** Runs once when the server starts: migrate, seed an empty database, print how to get in. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { boot } = await import('./boot');
  await boot();
}
