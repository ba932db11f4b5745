export { customerSearchInput, type CustomerSearch } from './inputs';
export { CANDIDATES_PER_KEY, MATCH_FIELDS, searchCustomers, SEARCH_LIMIT, type CustomerHit, type MatchField } from './search';
export { customerOverview, RECENT_INVOICES, type CustomerOverview } from './overview';
export { customerActionsFor, type CustomerActions } from './actions-for';
