export { alwaysOpen, BusinessHours, HoursInterval, SlaSettings, SlaTargets, WeeklyHours, WEEKDAYS, type Weekday } from './sla-settings';
export { businessMsBetween, DUE_SOON_MS, dueAt, slaStateOf, timeLeft, type SlaState, type TimeLeft } from './sla';
export { HORIZON_MINUTES, PriorityWeights, priorityOf, SentimentLabel, type Priority, type PriorityFactor, type PriorityInput, type PriorityPart } from './priority';
