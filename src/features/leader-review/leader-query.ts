import { z } from 'zod';
import type { ReviewFilter } from '../../application';
import { DateOnlySchema, DecisionStatusSchema, IdSchema, type DateOnly, type Id } from '../../domain/model';
import { addDays, zonedToInstant } from '../../domain/time';

/**
 * The leader review's filters, kept in the URL so a view can be shared (`#/ledelse?status=...`).
 * The query is input from outside (a pasted link): every value is parsed, and one that does
 * not parse falls back to its default instead of failing the screen.
 */
export interface LeaderFilters {
  /** null: every department the leader leads. */
  departmentId: Id | null;
  status: 'all' | z.infer<typeof DecisionStatusSchema>;
  from: DateOnly | null;
  to: DateOnly | null;
  responsibleId: Id | null;
  onlyOverdue: boolean;
}

export const DEFAULT_FILTERS: LeaderFilters = {
  departmentId: null,
  status: 'all',
  from: null,
  to: null,
  responsibleId: null,
  onlyOverdue: false,
};

const StatusSchema = z.union([z.literal('all'), DecisionStatusSchema]);

function parsed<T>(schema: z.ZodType<T>, value: string | null): T | null {
  if (value === null) return null;
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

/** A department outside the ones the leader leads is ignored: a link cannot widen the scope. */
export function parseLeaderQuery(query: string, leaderOf: readonly Id[]): LeaderFilters {
  const params = new URLSearchParams(query);
  const department = parsed(IdSchema, params.get('dept'));
  return {
    departmentId: department !== null && leaderOf.includes(department) ? department : null,
    status: parsed(StatusSchema, params.get('status')) ?? 'all',
    from: parsed(DateOnlySchema, params.get('from')),
    to: parsed(DateOnlySchema, params.get('to')),
    responsibleId: parsed(IdSchema, params.get('responsible')),
    onlyOverdue: params.get('overdue') === '1',
  };
}

/** Only what differs from the defaults, in a fixed order, so equal views have equal links. */
export function formatLeaderQuery(filters: LeaderFilters): string {
  const params = new URLSearchParams();
  if (filters.departmentId !== null) params.set('dept', filters.departmentId);
  if (filters.status !== 'all') params.set('status', filters.status);
  if (filters.from !== null) params.set('from', filters.from);
  if (filters.to !== null) params.set('to', filters.to);
  if (filters.responsibleId !== null) params.set('responsible', filters.responsibleId);
  if (filters.onlyOverdue) params.set('overdue', '1');
  return params.toString();
}

export function periodIsValid(filters: LeaderFilters): boolean {
  return filters.from === null || filters.to === null || filters.from <= filters.to;
}

/**
 * The use case's filter. The period is whole local days: from the start of `from` to the end
 * of `to` in the municipality's time zone (the store's upper bound is exclusive).
 */
export function toReviewFilter(filters: LeaderFilters, timeZone: string): ReviewFilter {
  return {
    departmentIds: filters.departmentId === null ? [] : [filters.departmentId],
    status: filters.status,
    from: filters.from === null ? null : zonedToInstant(filters.from, 0, timeZone).toISOString(),
    to: filters.to === null ? null : zonedToInstant(addDays(filters.to, 1), 0, timeZone).toISOString(),
    responsibleId: filters.responsibleId,
    onlyOverdue: filters.onlyOverdue,
  };
}
