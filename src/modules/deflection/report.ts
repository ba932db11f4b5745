import { supportCost, type SupportCost } from '@/platform/config/support-cost';
import type { Db } from '@/platform/db/types';
import { figuresOf, type DeflectionReport } from './figures';
import type { DeflectionRange } from './inputs';
import { attempts, autoAnswered, medianResolutionHours, selfService, sides, weeks } from './sql';

/** The dashboard's figures for `[from, to)`: one round of statements side by side, then arithmetic. */
export async function deflectionReport(db: Db, range: DeflectionRange, cost: SupportCost = supportCost()): Promise<DeflectionReport> {
  const [sideRows, weekRows, attemptRows, selfServiceRows, autoRows, medianRows] = await Promise.all([
    sides(db, range),
    weeks(db, range),
    attempts(db, range),
    selfService(db, range),
    autoAnswered(db, range),
    medianResolutionHours(db),
  ]);
  return figuresOf({ sides: sideRows, weeks: weekRows, attempts: attemptRows, selfService: selfServiceRows, autoAnswered: autoRows, medians: medianRows }, range, cost);
}
