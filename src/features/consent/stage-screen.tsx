import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId } from 'react';
import { getConsentOverview } from '../../application/consent';
import { requireMeeting } from '../../application/in-meeting';
import { requirePlan } from '../../application/pathways';
import { useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { href } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { StageConsent } from './stage-consent';

const useStyles = makeStyles({
  goals: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.title2, margin: 0 },
  list: { ...typographyStyles.title3, margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * The meeting stage in standalone mode (`#/moede/<id>/scene`): the citizen's goals in their own
 * words and what they have agreed to share. In Teams, the meeting stage renders StageConsent.
 */
export function StageScreen({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const goalsId = useId();
  const { services } = useSession();
  const state = useAsync(async () => {
    const meeting = await requireMeeting(services, meetingId);
    const [overview, plan] = await Promise.all([
      getConsentOverview(services, meeting.pathwayId),
      requirePlan(services, meeting.pathwayId),
    ]);
    return { overview, plan };
  }, [meetingId]);
  const back = { href: href.meeting(meetingId), label: t.consent.stage.backToMeeting };
  if (!state.data) {
    return (
      <Page title={t.consent.stage.pageTitle} back={back}>
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.reload} /> : <LoadingState />}
      </Page>
    );
  }
  const { overview, plan } = state.data;
  return (
    <Page title={t.consent.stage.pageTitle} back={back}>
      <section className={styles.goals} aria-labelledby={goalsId} data-testid="stage-goals">
        <h2 id={goalsId} className={styles.heading}>
          {t.consent.stage.goalsTitle}
        </h2>
        {plan.goals.length === 0 ? (
          <p>{t.consent.stage.noGoals}</p>
        ) : (
          <ul className={styles.list}>
            {plan.goals.map((g) => (
              <li key={g.id}>
                »{g.text}«
              </li>
            ))}
          </ul>
        )}
      </section>
      <StageConsent consent={overview.consent} citizenName={overview.pathway.citizen.displayName} today={overview.today} />
    </Page>
  );
}
