import type { StaffPermission } from '@config/permissions';

/** The staff console's navigation; each entry is shown to the staff roles holding its permission. */
export const consoleSections: readonly { id: string; label: string; href: string; permission: StaffPermission }[] = [
  { id: 'customers', label: 'Customers', href: '/admin', permission: 'staff.customers.read' },
  { id: 'audit', label: 'Audit', href: '/admin/audit', permission: 'staff.audit.read' },
  { id: 'staff', label: 'Staff', href: '/admin/staff', permission: 'staff.staff.manage' },
];
