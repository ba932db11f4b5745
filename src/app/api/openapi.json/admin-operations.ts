import { customerSearchInput } from '@/modules/customers/service';
import { staffAuditQuery } from '@/modules/audit/service';
import { timelineQuery } from '@/modules/timeline/service';
import type { OperationSpec } from '@/platform/http/openapi/operation';
import * as data from './admin-responses';

const staff = { type: 'staffSession' } as const;

/** The staff console's reads of customers (any staff role). */
export const adminOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/admin/customers',
    tag: 'Staff console',
    summary: 'Find customers by name, external id, member email or Stripe customer id',
    description: 'Any part of each; one or two characters match at the start only. Also an organization’s own id, exactly.',
    auth: staff,
    query: customerSearchInput,
    success: { status: 200, description: 'The matching organizations, best first.', data: data.customerSearchData },
  },
  {
    method: 'get',
    path: '/api/admin/customers/{id}/timeline',
    tag: 'Staff console',
    summary: 'One customer’s timeline: audit entries, Stripe events and usage alerts, newest first',
    description: 'Every source merged into one order; `nextBefore` pages through each entry exactly once, entries of equal times included.',
    auth: staff,
    pathParams: { id: { description: 'The organization id.' } },
    query: timelineQuery,
    success: { status: 200, description: 'A page of entries.', data: data.timelineData },
    errors: ['not_found'],
  },
  {
    method: 'get',
    path: '/api/admin/audit',
    tag: 'Staff console',
    summary: 'Every customer’s audit trail, newest first',
    description: '`actorType`: `customer` (a member or an API key), `staff`, `host` or `system`. `action`: an audit action, exactly (`team.invite`).',
    auth: staff,
    query: staffAuditQuery,
    success: { status: 200, description: 'A page of entries, each with its organization.', data: data.staffAuditData },
  },
];
