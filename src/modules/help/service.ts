import { staffCan, type StaffRole } from '@config/permissions';

// What other modules and the routes reach of the help articles.
export { seedHelpArticles } from './seed';

/** Whether a staff role may write, publish and delete articles (the console shows the buttons). */
export function canWriteHelp(role: StaffRole): boolean {
  return staffCan(role, 'staff.help.write');
}
