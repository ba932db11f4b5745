export { ingestUsage, type IngestResult } from './actions';
export { INGEST_PATH, ingestActor, ingestRoute } from './ingest-endpoint';
export { currentUsageAlerts, type UsageAlert } from './alerts';
export { usageAlertsOlderThan, type RecordedUsageAlert } from './alert-history';
export { seriesCsv } from './csv';
export { seedDemoUsage } from './demo-usage';
export { INGEST_BODY_LIMIT, rangeInput, ranges, type Range } from './inputs';
export { forecastNextPeriod, meteringSourceFor, usageOverview, usageSeries, type MeterSeries, type MeterUsage, type Point } from './read';
