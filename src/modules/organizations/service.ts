export { createOrganizationForSignUp, createPortalSession, upsertOrganization } from './actions';
export { organizationView, type OrganizationView } from './view';
