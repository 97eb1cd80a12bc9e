import type { ConversationKind, SentimentClass } from '../../../shared/domain';
import { alwaysOpen, dueAt, PriorityWeights, SlaSettings } from '../../../shared/triage';
import type { SettingsRepo } from '../db/repos/settings';

const WEIGHTS_KEY = 'triage.priorityWeights';
const slaKey = (accountId: string) => `sla.${accountId}`;

/**
 * The triage rules a workspace has chosen: the priority weights and each
 * account's SLA (targets, business hours, time zone). Read from settings once
 * and cached, because ingest consults them for every conversation it touches.
 */
export class TriagePolicy {
  private cachedWeights: PriorityWeights | null = null;
  private readonly cachedSla = new Map<string, SlaSettings>();
  private readonly defaultSla: SlaSettings;

  constructor(
    private readonly settings: SettingsRepo,
    /** Where the engine runs; a new account's clock starts in this zone, open around the clock, until the agent sets hours. */
    timeZone: string,
  ) {
    this.defaultSla = SlaSettings.parse({ hours: alwaysOpen(timeZone) });
  }

  weights(): PriorityWeights {
    this.cachedWeights ??= this.settings.get(WEIGHTS_KEY, PriorityWeights, PriorityWeights.parse({}));
    return this.cachedWeights;
  }

  setWeights(weights: PriorityWeights): void {
    this.settings.set(WEIGHTS_KEY, weights);
    this.cachedWeights = weights;
  }

  sla(accountId: string): SlaSettings {
    let sla = this.cachedSla.get(accountId);
    if (!sla) {
      sla = this.settings.get(slaKey(accountId), SlaSettings, this.defaultSla);
      this.cachedSla.set(accountId, sla);
    }
    return sla;
  }

  setSla(accountId: string, sla: SlaSettings): void {
    this.settings.set(slaKey(accountId), sla);
    this.cachedSla.set(accountId, sla);
  }

  /** When a first response to a customer waiting since `since` is due. */
  dueAt(accountId: string, kind: ConversationKind, since: number): number {
    const { targets, hours } = this.sla(accountId);
    return dueAt(since, targets[kind], hours);
  }

  /**
   * The stored, time-independent part of the priority score (see migration
   * 003): the sentiment class's points plus the per-score points. The clock's
   * part is added by the inbox's ORDER BY and, for "why is this first?", by
   * priorityOf at the moment of asking.
   */
  storedPriority(label: SentimentClass, score: number | null): number {
    const { sentiment } = this.weights();
    return sentiment[label] - Math.min(Math.max(score ?? 0, -1), 1) * sentiment.perScoreUnit;
  }
}
