import { z } from 'zod';
import { roles } from '@config/permissions';

const role = z.enum(roles, { error: `Choose one of: ${roles.join(', ')}.` });
const id = z.string().trim().min(1).max(100);

export const inviteInput = z.object({
  email: z.email('Enter a valid email address.').max(320).transform((e) => e.trim().toLowerCase()),
  role,
});
export const invitationIdInput = z.object({ invitationId: id });
export const acceptInput = z.object({ token: z.string().min(1).max(200) });
export const changeRoleInput = z.object({ memberId: id, role });
export const memberIdInput = z.object({ memberId: id });
export const leaveInput = z.object({}).optional();
