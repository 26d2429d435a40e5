import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { localParts } from '../../domain/time';
import type { Id } from '../../domain/model';
import type { MeetingSignal } from '../../ports/meeting-channel';
import { TIME_ZONE, useI18n } from '../../ui/i18n';
import { useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';
import { toStageFocus, toStageView, type StageFocus, type StageView } from './stage-view';

/** What the presenter's signal names: ids only; the stage reads the rest from the store. */
interface Presenter {
  participantId: Id;
  agendaItemId: Id | null;
  decisionId: Id | null;
}

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
  back: { fontSize: tokens.fontSizeBase400, alignSelf: 'flex-start' },
  // What is discussed now stands out: a thick brand border, readable in every theme (in high
  // contrast the border becomes the system's text colour).
  now: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
  },
  nowText: { ...typographyStyles.title2, margin: 0 },
  kind: { ...typographyStyles.subtitle1, color: tokens.colorNeutralForeground2, margin: 0 },
  question: { ...typographyStyles.title1, margin: 0 },
  answer: { ...typographyStyles.title3, margin: 0 },
});

/**
 * The meeting stage: the citizen's own plan and what was agreed, in plain words and large type,
 * for everyone in the meeting including the citizen. No internal notes (see toStageView).
 * `consent` is a slot the composition root fills with the consent view (issue 8).
 */
export function StageScreen({
  meetingId,
  consent,
  back,
}: {
  meetingId: Id;
  consent?: ReactNode;
  /** Standalone mode: the way back to the meeting (Teams' stage has its own frame and none). */
  back?: { href: string; label: string };
}) {
  const { services, departments, me } = useSession();
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready'; view: StageView; focus: StageFocus | null } | { status: 'error'; error: unknown }
  >({
    status: 'loading',
  });
  const [attempt, setAttempt] = useState(0);
  /** Bumped on every signal: the stage re-reads what it shows (the signal carries no data). */
  const [reads, setReads] = useState(0);
  const [presenter, setPresenter] = useState<Presenter | null>(null);

  // Follows the presenter in the side panel. Usable without it: until someone presents, the
  // stage shows the whole plan.
  useEffect(() => {
    const session = services.channel.join(meetingId, me.id);
    const unsubscribe = session.subscribe((signal: MeetingSignal) => {
      if (signal.type === 'presenter') {
        const next = { participantId: signal.participantId, agendaItemId: signal.agendaItemId, decisionId: signal.decisionId };
        setPresenter(next.agendaItemId === null && next.decisionId === null ? null : next);
        setReads((r) => r + 1);
      }
      if (signal.type === 'decision-saved' || signal.type === 'meeting-updated') setReads((r) => r + 1);
    });
    // A stage that opens late asks what is being shown: the presenter answers "here".
    session.publish({ type: 'presence', participantId: me.id, state: 'here' });
    return () => {
      unsubscribe();
      session.close();
    };
  }, [services, meetingId, me.id]);

  useEffect(() => {
    let live = true;
    (async () => {
      const meeting = await services.store.getMeeting(meetingId);
      if (!meeting) throw Object.assign(new Error(`meeting ${meetingId} not found`), { name: 'NotFoundError' });
      const [pathway, plan, decisions, draft] = await Promise.all([
        services.store.getPathway(meeting.pathwayId),
        services.store.getPlan(meeting.pathwayId),
        services.store.listDecisions({ pathwayId: meeting.pathwayId }),
        // Only a presented proposal that is not recorded yet is read from the presenter's draft.
        presenter?.decisionId ? services.store.getDraft(meetingId, presenter.participantId) : Promise.resolve(null),
      ]);
      if (!pathway || !plan) throw Object.assign(new Error(`pathway ${meeting.pathwayId} not found`), { name: 'NotFoundError' });
      const view = toStageView({ pathway, plan, decisions, departments, today: localParts(services.clock.now(), TIME_ZONE).date });
      const focus = presenter
        ? toStageFocus({ agendaItemId: presenter.agendaItemId, decisionId: presenter.decisionId, agenda: meeting.agenda, decisions, draft })
        : null;
      return { view, focus };
    })().then(
      ({ view, focus }) => live && setState({ status: 'ready', view, focus }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [services, departments, meetingId, attempt, reads, presenter]);

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
  return <StageContent view={state.view} focus={state.focus} consent={consent} back={back} />;
}

function StageContent({
  view,
  focus,
  consent,
  back,
}: {
  view: StageView;
  focus: StageFocus | null;
  consent?: ReactNode;
  back?: { href: string; label: string };
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const s = t.stage;
  return (
    <section className={styles.stage} aria-labelledby="stage-title" data-testid="stage">
      {back ? (
        <Link href={back.href} className={styles.back}>
          ← {back.label}
        </Link>
      ) : null}
      <h1 id="stage-title" className={styles.title}>
        {s.title(view.citizenName)}
      </h1>
      {/* Polite: a screen reader on the stage hears what is discussed now when it changes. */}
      <div aria-live="polite" data-testid="stage-now-region">
        {focus ? <StageNow focus={focus} /> : null}
      </div>
      <section aria-labelledby="stage-goals" data-testid="stage-goals">
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

/** "Det taler vi om nu": the presented proposal or decision, and "Er du enig?" with the answer. */
function StageNow({ focus }: { focus: StageFocus }) {
  const { t } = useI18n();
  const styles = useStyles();
  const s = t.stage;
  const { decision, agendaItem } = focus;
  return (
    <section className={styles.now} aria-labelledby="stage-now" data-testid="stage-now">
      <h2 id="stage-now" className={styles.heading}>
        {s.nowTitle}
      </h2>
      {agendaItem ? <p className={styles.kind}>{s.agendaItem(agendaItem.title)}</p> : null}
      {decision ? (
        <>
          <p className={styles.kind} data-testid="stage-now-kind">
            {decision.kind === 'agreed' ? s.agreed : s.proposal}
          </p>
          <p className={styles.nowText} data-testid="stage-now-text">
            {decision.text}
          </p>
          <h3 className={styles.question}>{s.question}</h3>
          <p className={styles.answer} data-testid="stage-now-answer">
            {decision.citizenPosition === null ? s.noAnswer : s.answer[decision.citizenPosition]}
          </p>
        </>
      ) : null}
    </section>
  );
}
