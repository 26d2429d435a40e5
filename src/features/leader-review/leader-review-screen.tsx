import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { reviewConsent, reviewDecisions } from '../../application';
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
import { formatLeaderQuery, parseLeaderQuery, periodIsValid, toReviewFilter, type LeaderFilters } from './leader-query';
import { NoCitizenSection } from './no-citizen-section';
import { OverdueSection } from './overdue-section';

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2 },
});

const danish = new Intl.Collator('da');

/**
 * Ledelse: decisions, escalations (rule 6), overdue actions, mandatory attendance (rule 2) and
 * meetings without the citizen (rule 1) across the pathways of the departments the user leads.
 * Loaded as its own chunk (src/app/route-view.tsx): staff in a meeting never download it.
 */
export function LeaderReviewScreen({ query }: { query: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  if (me.leaderOf.length === 0) {
    return (
      <Page title={t.leader.title}>
        <EmptyState title={t.leader.notLeaderTitle}>{t.leader.notLeaderBody}</EmptyState>
      </Page>
    );
  }
  return <LeaderReviewContent query={query} leaderOf={me.leaderOf} />;
}

function LeaderReviewContent({ query, leaderOf }: { query: string; leaderOf: readonly Id[] }) {
  const { t } = useI18n();
  const { services, me } = useSession();
  const styles = useStyles();
  const filters = parseLeaderQuery(query, leaderOf);
  const canonical = formatLeaderQuery(filters);
  const valid = periodIsValid(filters);
  const review = useAsync(async () => {
    if (!valid) return null;
    const filter = toReviewFilter(filters, TIME_ZONE);
    const [result, pathways, consent] = await Promise.all([
      reviewDecisions(services, filter),
      services.store.listPathways(),
      // Rule 8: pathways of the chosen (or all led) departments whose consent needs attention.
      reviewConsent(services, filter.departmentIds.length > 0 ? filter.departmentIds : leaderOf),
    ]);
    const people = new Map<Id, string>();
    for (const p of pathways) for (const m of p.team.members) people.set(m.personId, m.displayName);
    return {
      result,
      consent,
      people: [...people].map(([id, name]) => ({ id, name })).sort((a, b) => danish.compare(a.name, b.name)),
    };
  }, [canonical, valid, me.id]);

  // Filters live in the URL, so the view can be shared and the back button undoes a change.
  const change = (next: LeaderFilters) => navigate(href.leader(formatLeaderQuery(next)));

  return (
    <Page title={t.leader.title}>
      <Text className={styles.intro}>{t.leader.intro}</Text>
      <LeaderFiltersForm filters={filters} leaderOf={leaderOf} people={review.data?.people ?? []} onChange={change} />
      {review.status === 'error' ? <ErrorState error={review.error} onRetry={review.reload} /> : null}
      {review.status === 'loading' ? <LoadingState /> : null}
      {review.data?.result ? (
        <>
          <DecisionsTable rows={review.data.result.rows} />
          <EscalationsSection rows={review.data.result.escalations} />
          <OverdueSection rows={review.data.result.overdue} />
          <AttendanceTable rows={review.data.result.attendance} />
          <NoCitizenSection meetings={review.data.result.meetingsWithoutCitizen} />
          <ConsentReviewSection rows={review.data.consent} />
        </>
      ) : null}
    </Page>
  );
}
