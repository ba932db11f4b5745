export { customerSearchInput, type CustomerSearch } from './inputs';
export { CANDIDATES_PER_KEY, searchCustomers, SEARCH_LIMIT, type CustomerHit, type MatchField } from './search';
