/**
 * The port's DecisionQuery (src/ports/plan-store.ts) applied to decisions in memory, and the
 * port's order for `listDecisions`: what the stores that filter in memory share (GraphPlanStore
 * after its one indexed column, the leader review's delta copy, the outbox's waiting decisions).
 * LocalPlanStore filters its index rows instead.
 */
import { InstantSchema, type Decision } from '../domain/model';
import type { DecisionQuery } from '../ports/plan-store';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const instantMs = (instant: string): number => Date.parse(InstantSchema.parse(instant));

/** A predicate keeping the decisions `query` asks for (`from` inclusive, `to` exclusive). */
export function decisionQueryFilter(query: DecisionQuery): (decision: Decision) => boolean {
  const fromMs = query.from === undefined ? -Infinity : instantMs(query.from);
  const toMs = query.to === undefined ? Infinity : instantMs(query.to);
  const departments = query.departmentIds === undefined ? null : new Set(query.departmentIds);
  return (d) => {
    const ms = Date.parse(d.createdAt);
    return (
      (query.pathwayId === undefined || d.pathwayId === query.pathwayId) &&
      (query.meetingId === undefined || d.meetingId === query.meetingId) &&
      (query.status === undefined || d.status === query.status) &&
      (departments === null || d.commitments.some((c) => departments.has(c.departmentId))) &&
      ms >= fromMs &&
      ms < toMs
    );
  };
}

/** Oldest first, ties by id: the order `listDecisions` returns. Each date is parsed once. */
export function inDecisionOrder(decisions: readonly Decision[]): Decision[] {
  return decisions
    .map((d) => ({ d, ms: Date.parse(d.createdAt) }))
    .sort((a, b) => a.ms - b.ms || byString(a.d.id, b.d.id))
    .map(({ d }) => d);
}
