import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { localParts } from '../../domain/time';
import type { Id } from '../../domain/model';
import { TIME_ZONE, useI18n } from '../../ui/i18n';
import { useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';
import { toStageView, type StageView } from './stage-view';

const useStyles = makeStyles({
  // Large type: the stage is read from across a meeting room and by the citizen at home.
  stage: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXL,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    maxWidth: '1400px',
  },
  title: { ...typographyStyles.largeTitle, margin: 0, outlineStyle: 'none' },
  heading: { ...typographyStyles.title1, margin: `0 0 ${tokens.spacingVerticalM}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase500 },
});

/**
 * The meeting stage: the citizen's own plan and what was agreed, in plain words and large type,
 * for everyone in the meeting including the citizen. No internal notes (see toStageView).
 * `consent` is a slot the composition root fills with the consent view (issue 8).
 */
export function StageScreen({ meetingId, consent }: { meetingId: Id; consent?: ReactNode }) {
  const { services, departments } = useSession();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ready'; view: StageView } | { status: 'error'; error: unknown }>({
    status: 'loading',
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      const meeting = await services.store.getMeeting(meetingId);
      if (!meeting) throw Object.assign(new Error(`meeting ${meetingId} not found`), { name: 'NotFoundError' });
      const [pathway, plan, decisions] = await Promise.all([
        services.store.getPathway(meeting.pathwayId),
        services.store.getPlan(meeting.pathwayId),
        services.store.listDecisions({ pathwayId: meeting.pathwayId }),
      ]);
      if (!pathway || !plan) throw Object.assign(new Error(`pathway ${meeting.pathwayId} not found`), { name: 'NotFoundError' });
      return toStageView({ pathway, plan, decisions, departments, today: localParts(services.clock.now(), TIME_ZONE).date });
    })().then(
      (view) => live && setState({ status: 'ready', view }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [services, departments, meetingId, attempt]);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    return (
      <ErrorState
        error={state.error}
        onRetry={() => {
          setState({ status: 'loading' });
          setAttempt((a) => a + 1);
        }}
      />
    );
  }
  return <StageContent view={state.view} consent={consent} />;
}

function StageContent({ view, consent }: { view: StageView; consent?: ReactNode }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const s = t.stage;
  return (
    <section className={styles.stage} aria-labelledby="stage-title" data-testid="stage">
      <h1 id="stage-title" className={styles.title}>
        {s.title(view.citizenName)}
      </h1>
      <section aria-labelledby="stage-goals">
        <h2 id="stage-goals" className={styles.heading}>
          {s.goalsTitle}
        </h2>
        <ul className={styles.list}>
          {view.goals.map((g) => (
            <li key={g.id}>“{g.text}”</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="stage-decisions">
        <h2 id="stage-decisions" className={styles.heading}>
          {s.decisionsTitle}
        </h2>
        {view.decisions.length === 0 ? (
          <p>{s.noDecisions}</p>
        ) : (
          <ul className={styles.list}>
            {view.decisions.map((d) => (
              <li key={d.id}>
                {d.text}
                <div className={styles.meta}>
                  {d.responsibleName ? `${s.responsible(d.responsibleName, fmt.date(d.dueDate))} ` : ''}
                  {s.position[d.citizenPosition]}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="stage-interventions">
        <h2 id="stage-interventions" className={styles.heading}>
          {s.interventionsTitle}
        </h2>
        <ul className={styles.list}>
          {view.interventions.map((i) => (
            <li key={i.id}>
              {i.title}
              <div className={styles.meta}>
                {i.departmentName} · {s.interventionStatus[i.status]}
              </div>
            </li>
          ))}
        </ul>
      </section>
      {view.transitions.length > 0 ? (
        <section aria-labelledby="stage-transitions">
          <h2 id="stage-transitions" className={styles.heading}>
            {s.transitionsTitle}
          </h2>
          <ul className={styles.list}>
            {view.transitions.map((tr) => (
              <li key={tr.id}>
                {tr.title}
                <div className={styles.meta}>{fmt.date(tr.date)}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {consent ?? null}
    </section>
  );
}
