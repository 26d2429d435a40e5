/**
 * DeltaDecisionCache: a PlanStore decorator that answers the leader review's broad decision
 * queries (by department, status, period; no pathway or meeting) from a copy kept current with
 * the decisions list's delta feed, instead of reading the whole list on every refresh.
 *
 * - The first broad query enumerates the list once through the delta feed (same pages as a full
 *   read) and keeps the delta link; every later one asks only for what changed since: with no
 *   changes that is one Graph request, whatever the number of decisions.
 * - Narrow queries (a pathway's or a meeting's decisions) and everything else pass straight to
 *   the inner store (PlanStoreDecorator), which filters on an indexed column.
 * - Writes pass through; the next broad query picks them up from the delta feed, so the cache
 *   never holds a decision the list does not.
 * - A 410 from Graph (token too old) is handled by the inner store as a full enumeration
 *   (`reset`), which replaces the copy rather than merging into it. Removed items (only an
 *   administrator removes a decision) leave the copy too.
 * - Concurrent broad queries share one delta request.
 *
 * Kept in memory only (case data never goes to local storage), so it lives as long as the tab.
 */
import type { Decision } from '../../domain/model';
import type { DecisionQuery, PlanStore } from '../../ports/plan-store';
import { decisionQueryFilter, inDecisionOrder } from '../decision-query';
import { PlanStoreDecorator } from '../plan-store-decorator';
import type { DecisionChanges } from './graph-plan-store';

/** What the cache needs beyond the port: the decisions list's delta feed (GraphPlanStore has it). */
export interface DecisionDeltaSource extends PlanStore {
  refreshDecisions(deltaLink: string | null): Promise<DecisionChanges>;
}

/** True for the queries the cache answers: no pathway and no meeting (those use an index). */
export const isBroadDecisionQuery = (query: DecisionQuery): boolean => query.pathwayId === undefined && query.meetingId === undefined;

export class DeltaDecisionCache extends PlanStoreDecorator {
  /** SharePoint item id -> decision: removals in the delta feed name items, not decisions. */
  private readonly byItem = new Map<string, Decision>();
  private deltaLink: string | null = null;
  private syncing: Promise<void> | null = null;

  constructor(private readonly source: DecisionDeltaSource) {
    super(source);
  }

  override async listDecisions(query: DecisionQuery): Promise<Decision[]> {
    if (!isBroadDecisionQuery(query)) return this.source.listDecisions(query);
    if (query.departmentIds !== undefined && query.departmentIds.length === 0) return [];
    await this.sync();
    return inDecisionOrder([...this.byItem.values()].filter(decisionQueryFilter(query)));
  }

  /** Brings the copy up to date: one delta round (one request when nothing changed). */
  private sync(): Promise<void> {
    this.syncing ??= this.pull().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async pull(): Promise<void> {
    const changes = await this.source.refreshDecisions(this.deltaLink);
    if (changes.reset) this.byItem.clear();
    for (const itemId of changes.removedItemIds) this.byItem.delete(itemId);
    for (const { itemId, decision } of changes.items) this.byItem.set(itemId, decision);
    this.deltaLink = changes.deltaLink;
  }
}
