export { deflectionCsv, csvColumns } from './csv';
export { figureDefinitions, type FigureKey } from './definitions';
export { MIN_ATTEMPTS_PER_SIDE, MIN_TICKETS_BEFORE, MIN_WEEKS_PER_SIDE, type DeflectionFigures, type DeflectionReport, type WeekPoint } from './figures';
export { deflectionRangeInput, isoDay, DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, type DeflectionRange } from './inputs';
export { deflectionReport } from './report';
