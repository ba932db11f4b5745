import { closeDb } from '@/platform/db/client';

/** Runs a maintenance script: its exit code is main's, the database is closed either way. */
export function runScript(main: () => Promise<number>): void {
  void main()
    .catch((error: Error) => {
      console.error(error.message);
      return 1;
    })
    .then(async (code) => {
      await closeDb();
      process.exit(code);
    });
}
