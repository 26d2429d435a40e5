import { Badge, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Decision, Id } from '../../domain/model';
import type { MeetingSignal } from '../../ports/meeting-channel';
import { useI18n } from '../../ui/i18n';
import { useSession } from '../../ui/services-context';
import { Page } from '../../ui/page';
import { href } from '../../ui/routes';
import { ErrorState, LoadingState } from '../../ui/states';
import { AgendaSection } from './agenda-section';
import { CheckInSection } from './check-in-section';
import { CitizenViewSection } from './citizen-view-section';
import { DecisionForm } from './decision-form';
import { DecisionList } from './decision-list';
import { InvitationSection } from './invitation-section';
import { MandateSection } from './mandate-section';
import { useCheckIn } from './use-check-in';
import { useDecisionDraft } from './use-decision-draft';
import { useMeetingChannel } from './use-meeting-channel';
import { useMeetingView, type MeetingView } from './use-meeting-view';
import { overallSaveState, useSignalWhenConfirmed, useWriteStatus } from './use-write-status';
import { useWriteQueue } from './write-queue';
import { SaveStatus } from './save-status';

const useStyles = makeStyles({
  facts: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

/** What this participant shows on the meeting stage: ids only (the stage re-reads the store). */
export type Presented = { agendaItemId: Id | null; decisionId: Id | null } | null;

/** Mødet: check-in, mandates, the citizen's perspective and the decisions, live for every participant. */
export function MeetingScreen({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const { me } = useSession();
  const view = useMeetingView(meetingId);
  const { reloadMeeting, reloadDecisions } = view;
  const [presented, setPresented] = useState<Presented>(null);
  const presentedRef = useRef<Presented>(null);
  const publishRef = useRef<(signal: MeetingSignal) => void>(() => undefined);
  const onSignal = useCallback(
    (signal: MeetingSignal) => {
      // Signals carry no case data: re-read what changed from the store.
      if (signal.type === 'decision-saved') reloadDecisions();
      if (signal.type === 'meeting-updated' || signal.type === 'minutes-approved') reloadMeeting();
      // A stage that just opened asks by saying it is here: tell it what is being shown.
      if (signal.type === 'presence' && signal.state === 'here' && presentedRef.current !== null) {
        publishRef.current({ type: 'presenter', participantId: me.id, ...presentedRef.current });
      }
      // Someone else took over the stage.
      if (signal.type === 'presenter' && signal.participantId !== me.id) {
        presentedRef.current = null;
        setPresented(null);
      }
    },
    [reloadDecisions, reloadMeeting, me.id],
  );
  const publish = useMeetingChannel(meetingId, onSignal);
  useEffect(() => {
    publishRef.current = publish;
  }, [publish]);
  const present = useCallback(
    (next: Presented) => {
      presentedRef.current = next;
      setPresented(next);
      publish({ type: 'presenter', participantId: me.id, agendaItemId: next?.agendaItemId ?? null, decisionId: next?.decisionId ?? null });
    },
    [publish, me.id],
  );
  const enqueue = useWriteQueue();

  const { state } = view;
  if (state.status === 'loading') {
    return (
      <Page title={t.meeting.title}>
        <LoadingState />
      </Page>
    );
  }
  if (state.status === 'error') {
    return (
      <Page title={t.meeting.title}>
        <ErrorState error={state.error} onRetry={view.retry} />
      </Page>
    );
  }
  return (
    <MeetingContent
      data={state.data}
      refreshError={state.refreshError}
      onRefresh={() => {
        reloadMeeting();
        reloadDecisions();
      }}
      setMeeting={view.setMeeting}
      reloadDecisions={reloadDecisions}
      publish={publish}
      enqueue={enqueue}
      presented={presented}
      present={present}
    />
  );
}

function MeetingContent({
  data,
  refreshError,
  onRefresh,
  setMeeting,
  reloadDecisions,
  publish,
  enqueue,
  presented,
  present,
}: {
  data: MeetingView;
  refreshError: unknown;
  onRefresh: () => void;
  setMeeting: ReturnType<typeof useMeetingView>['setMeeting'];
  reloadDecisions: () => void;
  publish: (signal: MeetingSignal) => void;
  enqueue: <T>(write: () => Promise<T>) => Promise<T>;
  presented: Presented;
  present: (next: Presented) => void;
}) {
  const { t, fmt } = useI18n();
  const writeStatus = useWriteStatus();
  const { services } = useSession();
  const conflictActions = useMemo(() => {
    const status = services.writeStatus;
    return status ? { retry: () => status.retryConflicts(), dismiss: () => status.dismissConflicts() } : undefined;
  }, [services.writeStatus]);
  const styles = useStyles();
  const { meeting, pathway, plan, decisions } = data;
  const textRef = useRef<HTMLTextAreaElement>(null);
  // One subscription to the outbox for the whole panel: the hooks and sections below read it.
  const checkIn = useCheckIn({ meeting, enqueue, setMeeting, publish, writeStatus });
  useSignalWhenConfirmed(writeStatus, { meetingId: meeting.id, decisions, publish, reloadDecisions });
  const onRecorded = useCallback(
    (decision: Decision) => {
      publish({ type: 'decision-saved', decisionId: decision.id });
      reloadDecisions();
    },
    [publish, reloadDecisions],
  );
  const draft = useDecisionDraft({ meetingId: meeting.id, enqueue, onRecorded, writeStatus });
  const draftId = draft.values?.decisionId ?? null;
  const presentingDraft = presented?.decisionId != null && presented.decisionId === draftId;
  // The stage re-reads the draft it shows each time it hears the presenter again: say it once
  // the draft (the text, the citizen's answer) is stored.
  const draftStored = draft.saveState === 'draftSaved';
  useEffect(() => {
    if (presentingDraft && draftStored) present(presented);
    // Only when a stored draft is what the stage shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presentingDraft, draftStored]);
  const presentDraft = () => {
    if (presentingDraft || draftId === null) {
      present(null);
      return;
    }
    // The stage reads the draft from the store: store what was typed first.
    void draft.flushDraft().then(
      () => present({ agendaItemId: null, decisionId: draftId }),
      () => present({ agendaItemId: null, decisionId: draftId }),
    );
  };
  const presentDecision = (decision: Decision) =>
    present(presented?.decisionId === decision.id ? null : { agendaItemId: null, decisionId: decision.id });

  const names = new Map<Id, string>([
    ...meeting.requiredAttendees.map((a): [Id, string] => [a.personId, a.displayName]),
    ...pathway.team.members.map((m): [Id, string] => [m.personId, m.displayName]),
  ]);
  const nameOf = (id: Id) => names.get(id) ?? id;
  const presentIds = new Set(checkIn.values.attendance.filter((r) => r.present).map((r) => r.personId));
  const cancelled = meeting.status === 'cancelled';
  const startCorrection = (decision: Decision) => {
    draft.startCorrection(decision);
    textRef.current?.focus();
  };

  return (
    <Page
      title={t.meeting.title}
      back={{ href: href.pathway(pathway.id), label: t.meeting.backToPathway }}
      actions={
        <div className={styles.actions}>
          {/* Meetings as often as the citizen needs them: the next one with the same team and citizen. */}
          <Link href={href.book(pathway.id)} data-testid="book-next">
            {t.meeting.bookNext}
          </Link>
          <Link href={href.minutes(meeting.id)}>{t.meeting.toMinutes}</Link>
        </div>
      }
    >
      <SaveStatus state={overallSaveState(writeStatus)} conflictActions={conflictActions} />
      <div className={styles.facts}>
        <Text weight="semibold">{t.meeting.when(fmt.weekdayDateTime(meeting.start), fmt.time(meeting.end))}</Text>
        <Badge appearance="tint" color={cancelled ? 'danger' : 'informative'}>
          {t.meetingStatus[meeting.status]}
        </Badge>
        <Text>{t.meeting.citizen(pathway.citizen.initials, pathway.citizen.caseRef)}</Text>
      </div>
      {refreshError ? <ErrorState error={refreshError} onRetry={onRefresh} /> : null}
      {cancelled ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t.meeting.cancelled}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <InvitationSection meeting={meeting} enqueue={enqueue} nameOf={nameOf} />
          <CheckInSection
            attendees={meeting.requiredAttendees}
            values={checkIn.values}
            saveState={checkIn.saveState}
            onChange={checkIn.change}
          />
          <MandateSection members={pathway.team.members} presentIds={presentIds} />
          <CitizenViewSection
            meeting={meeting}
            enqueue={enqueue}
            setMeeting={setMeeting}
            publish={publish}
            waiting={writeStatus.pending.has(meeting.id)}
          />
        </>
      )}
      <AgendaSection
        agenda={meeting.agenda}
        presentedId={presented?.agendaItemId ?? null}
        onPresent={(item) => present(presented?.agendaItemId === item.id ? null : { agendaItemId: item.id, decisionId: null })}
      />
      {cancelled ? null : (
        <DecisionForm
          draft={draft}
          meeting={meeting}
          pathway={pathway}
          plan={plan}
          decisions={decisions}
          textRef={textRef}
          presenting={presentingDraft}
          onPresent={presentDraft}
        />
      )}
      <DecisionList
        decisions={decisions}
        plan={plan}
        nameOf={nameOf}
        onCorrect={startCorrection}
        canCorrect={!cancelled}
        presentedId={presented?.decisionId ?? null}
        onPresent={presentDecision}
      />
    </Page>
  );
}
