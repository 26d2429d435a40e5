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

/** The decisions table's sortable columns. */
export const SORT_KEYS = ['date', 'citizen', 'decision', 'responsible', 'due', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The table's order; kept in the URL beside the filters, so a shared link shows the same order. */
export interface LeaderSort {
  key: SortKey;
  direction: SortDirection;
}

/** Newest decisions first, as the use case returns them. */
export const DEFAULT_SORT: LeaderSort = { key: 'date', direction: 'desc' };

/** Dates start newest first (what changed lately), everything else A to Z / soonest first. */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'date' ? 'desc' : 'asc';
}

/** A header click: the same column flips, another column starts in its first direction. */
export function nextSort(current: LeaderSort, key: SortKey): LeaderSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: firstDirection(key) };
}

const SortKeySchema = z.enum(SORT_KEYS);
const DirectionSchema = z.enum(['asc', 'desc']);

/** The sort named in the query; an unknown column or direction falls back to the default. */
export function parseLeaderSort(query: string): LeaderSort {
  const params = new URLSearchParams(query);
  const key = parsed(SortKeySchema, params.get('sort'));
  if (key === null) return DEFAULT_SORT;
  return { key, direction: parsed(DirectionSchema, params.get('dir')) ?? firstDirection(key) };
}

/**
 * The whole view as a query: filters first (formatLeaderQuery), then the sort when it is not
 * the default, so equal views still have equal links.
 */
export function formatLeaderView(filters: LeaderFilters, sort: LeaderSort): string {
  const params = new URLSearchParams(formatLeaderQuery(filters));
  if (sort.key !== DEFAULT_SORT.key || sort.direction !== DEFAULT_SORT.direction) {
    params.set('sort', sort.key);
    params.set('dir', sort.direction);
  }
  return params.toString();
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
