import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import { requirePathway, requirePlan } from '../../application/pathways';
import type { CitizenPlan, Decision, Minutes, Pathway, TeamMeeting } from '../../domain/model';
import { localParts } from '../../domain/time';
import { TIME_ZONE, useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { href } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { DecisionLogSection } from './decision-log-section';
import { GoalsSection } from './goals-section';
import { InterventionsSection } from './interventions-section';
import { MeetingsSection } from './meetings-section';
import { MinutesHistorySection } from './minutes-history-section';
import { PathwayOverview } from './pathway-overview';
import { TeamSection } from './team-section';
import { TransitionsSection } from './transitions-section';
import { usePlanChange } from './use-plan-change';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

interface PathwayData {
  pathway: Pathway;
  plan: CitizenPlan;
  meetings: TeamMeeting[];
  decisions: Decision[];
  minutes: Minutes[];
}

/**
 * Borgerens plan: one page with everything the pathway holds. `consentSlot` is the consent
 * section (rule 8), rendered by src/app because features do not import each other.
 */
export function PathwayScreen({
  pathwayId,
  decisionId = null,
  consentSlot,
}: {
  pathwayId: string;
  /** A link to one decision (`?beslutning=`): the plan opens at it. */
  decisionId?: string | null;
  consentSlot?: ReactNode;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { services } = useSession();
  const state = useAsync<PathwayData>(async () => {
    const [pathway, plan, meetings, decisions, minutes] = await Promise.all([
      requirePathway(services, pathwayId),
      requirePlan(services, pathwayId),
      services.store.listMeetings({ pathwayId }),
      services.store.listDecisions({ pathwayId }),
      services.store.listMinutes(pathwayId),
    ]);
    return { pathway, plan, meetings, decisions, minutes };
  }, [pathwayId]);
  const { apply, outcome } = usePlanChange(pathwayId, state.reload);
  const today = localParts(services.clock.now(), TIME_ZONE).date;

  const data = state.data;
  const teamDepartmentIds = useMemo(
    () => [...new Set(data?.pathway.team.members.map((m) => m.departmentId) ?? [])],
    [data],
  );
  const back = { href: href.pathways(), label: t.pathways.listTitle };

  if (!data) {
    return (
      <Page title={t.pathways.planTitle} back={back}>
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.reload} /> : <LoadingState />}
      </Page>
    );
  }

  const { pathway, plan, meetings, decisions, minutes } = data;
  const nameOf = (personId: string) =>
    pathway.team.members.find((m) => m.personId === personId)?.displayName ?? personId;

  return (
    <Page
      title={pathway.citizen.displayName}
      back={back}
      actions={
        <Button appearance="primary" as="a" href={href.book(pathway.id)}>
          {t.pathways.bookMeeting}
        </Button>
      }
    >
      <PathwayOverview pathway={pathway} plan={plan} />
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.reload} /> : null}
      <div role="status" aria-live="polite">
        {outcome?.kind === 'conflict' ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t.pathways.conflict}</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome?.kind === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t.pathways.saved}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {outcome?.kind === 'failed' ? <ErrorState error={outcome.error} /> : null}
      <div className={styles.sections}>
        {consentSlot}
        <GoalsSection goals={plan.goals} onChange={apply} />
        <InterventionsSection
          interventions={plan.interventions}
          goals={plan.goals}
          teamDepartmentIds={teamDepartmentIds}
          onChange={apply}
        />
        <TransitionsSection
          transitions={plan.transitions}
          today={today}
          teamDepartmentIds={teamDepartmentIds}
          onChange={apply}
        />
        <TeamSection members={pathway.team.members} />
        <MeetingsSection pathwayId={pathway.id} meetings={meetings} />
        <DecisionLogSection decisions={decisions} nameOf={nameOf} linkedDecisionId={decisionId} />
        <MinutesHistorySection minutes={minutes} />
      </div>
    </Page>
  );
}
