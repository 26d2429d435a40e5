import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useDeferredValue, useMemo, useRef, type ReactNode } from 'react';
import { reviewConsent, reviewDecisions, type ReviewContext } from '../../application';
import type { ReviewRow } from '../../application/leader-review';
import type { Id } from '../../domain/model';
import { TIME_ZONE, useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { href, navigate } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { AttendanceTable } from './attendance-table';
import { ConsentReviewSection } from './consent-review-section';
import { DecisionsTable } from './decisions-table';
import { EscalationsSection } from './escalations-section';
import { LeaderFiltersForm } from './leader-filters';
import { CopyLinkButton } from './copy-link-button';
import { LeaderPictures } from './leader-pictures';
import {
  formatLeaderQuery,
  formatLeaderView,
  nextSort,
  parseLeaderQuery,
  parseLeaderSort,
  periodIsValid,
  toReviewFilter,
  type LeaderFilters,
  type SortKey,
} from './leader-query';
import { sortReviewRows } from './sort-rows';
import { NoCitizenSection } from './no-citizen-section';
import { OverdueSection } from './overdue-section';

/** How long a leader's filter changes reuse the pathways and meetings already read. */
const CONTEXT_MAX_AGE_MS = 60_000;

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * Ledelse: decisions, escalations (rule 6), overdue actions, mandatory attendance (rule 2) and
 * meetings without the citizen (rule 1) across the pathways of the departments the user leads.
 * Loaded as its own chunk (src/app/route-view.tsx): staff in a meeting never download it.
 */
/**
 * `exportSlot` renders the export of the filtered rows (in the on-screen order); the composition
 * root (src/app/route-view.tsx) fills it, as features do not import each other.
 */
export function LeaderReviewScreen({ query, exportSlot }: { query: string; exportSlot?: (rows: readonly ReviewRow[]) => ReactNode }) {
  const { t } = useI18n();
  const { me } = useSession();
  if (me.leaderOf.length === 0) {
    return (
      <Page title={t.leader.title}>
        <EmptyState title={t.leader.notLeaderTitle}>{t.leader.notLeaderBody}</EmptyState>
      </Page>
    );
  }
  return <LeaderReviewContent query={query} leaderOf={me.leaderOf} exportSlot={exportSlot} />;
}

function LeaderReviewContent({
  query,
  leaderOf,
  exportSlot,
}: {
  query: string;
  leaderOf: readonly Id[];
  exportSlot: ((rows: readonly ReviewRow[]) => ReactNode) | undefined;
}) {
  const { t } = useI18n();
  const { services, me } = useSession();
  const styles = useStyles();
  const filters = parseLeaderQuery(query, leaderOf);
  const sort = useMemo(() => parseLeaderSort(query), [query]);
  // Only the filters reload data; a new sort reorders the rows already loaded.
  const canonical = formatLeaderQuery(filters);
  const valid = periodIsValid(filters);
  // What a filter change does not change (pathways, the period's meetings, actions read) is
  // kept for a minute, so a new department or status reads only its own decisions.
  const contextRef = useRef<{ context: ReviewContext; at: number } | null>(null);
  const review = useAsync(async () => {
    if (!valid) return null;
    const cached = contextRef.current;
    const reuse = cached !== null && performance.now() - cached.at < CONTEXT_MAX_AGE_MS ? cached : null;
    const result = await reviewDecisions(services, toReviewFilter(filters, TIME_ZONE), reuse?.context);
    contextRef.current = { context: result.context, at: reuse?.at ?? performance.now() };
    return { result };
  }, [canonical, valid, me.id]);
  const retry = () => {
    contextRef.current = null;
    review.reload();
  };
  // Rule 8: pathways of the led departments whose consent needs attention. It reads one consent
  // per pathway, so it starts once the decisions are on screen, is read once for every led
  // department, and a department filter narrows it in memory (bench/leader-review.mjs: reading
  // it again on every filter change held up the new rows by ~0.6 s at 50,000 decisions).
  const decisionsShown = review.data !== null;
  const consent = useAsync(
    () => (decisionsShown ? reviewConsent(services, leaderOf) : Promise.resolve(null)),
    [leaderOf.join(','), me.id, decisionsShown],
  );
  const consentDepartments = filters.departmentId === null ? leaderOf : [filters.departmentId];
  const consentRows = useMemo(() => {
    const all = consent.status === 'ready' ? consent.data : null;
    if (all === null || filters.departmentId === null) return all;
    const id = filters.departmentId;
    return all.filter((r) => r.departmentIds.includes(id));
  }, [consent.status, consent.data, filters.departmentId]);
  const rows = review.data?.result.rows;
  const sorted = useMemo(() => (rows ? sortReviewRows(rows, sort) : []), [rows, sort]);
  // The pictures follow the table: React draws the new rows first, then the charts (memoised,
  // so they render once, with all their inputs from the same result).
  const picturesInput = useMemo(
    () => (review.data ? { pictures: review.data.result.pictures, attendance: review.data.result.attendance, departmentIds: consentDepartments } : null),
    // consentDepartments is derived from the filter, which also makes the new result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [review.data],
  );
  const pictures = useDeferredValue(picturesInput);

  // Filters and sort live in the URL, so the view can be shared and the back button undoes a change.
  const change = (next: LeaderFilters) => navigate(href.leader(formatLeaderView(next, sort)));
  const onSort = (key: SortKey) => navigate(href.leader(formatLeaderView(filters, nextSort(sort, key))));

  return (
    <Page title={t.leader.title} wide>
      <Text className={styles.intro}>{t.leader.intro}</Text>
      <LeaderFiltersForm filters={filters} leaderOf={leaderOf} people={review.data?.result.people ?? []} onChange={change} />
      {review.status === 'error' ? <ErrorState error={review.error} onRetry={retry} /> : null}
      {review.status === 'loading' && !review.data ? <LoadingState /> : null}
      {review.data ? (
        <div className={styles.results} aria-busy={review.status === 'loading'} data-testid="leader-results" data-state={review.status}>
          <DecisionsTable
            rows={sorted}
            sort={sort}
            onSort={onSort}
            toolbar={
              <div role="toolbar" aria-label={t.leader.toolbarLabel} className={styles.toolbar}>
                <CopyLinkButton key={query} route={href.leader(formatLeaderView(filters, sort))} />
                {exportSlot?.(sorted)}
              </div>
            }
          />
          {pictures ? <LeaderPictures pictures={pictures.pictures} attendance={pictures.attendance} departmentIds={pictures.departmentIds} /> : null}
          <EscalationsSection rows={review.data.result.escalations} />
          <OverdueSection rows={review.data.result.overdue} />
          <AttendanceTable rows={review.data.result.attendance} />
          <NoCitizenSection meetings={review.data.result.meetingsWithoutCitizen} />
          {consent.status === 'error' ? <ErrorState error={consent.error} onRetry={consent.reload} /> : null}
          {consentRows ? <ConsentReviewSection rows={consentRows} /> : consent.status === 'error' ? null : <LoadingState />}
        </div>
      ) : null}
    </Page>
  );
}
