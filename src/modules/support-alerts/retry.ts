/** The support team's channels retry for about eight hours: 10 s, 1 min, 5 min, 30 min, 2 h, 6 h. */
export const SUPPORT_RETRY_SCHEDULE = [10, 60, 300, 1800, 7200, 21600] as const;
