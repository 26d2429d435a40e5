import { Badge, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useRef } from 'react';
import type { Decision, Id } from '../../domain/model';
import type { MeetingSignal } from '../../ports/meeting-channel';
import { useI18n } from '../../ui/i18n';
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
import { useWriteQueue } from './write-queue';

const useStyles = makeStyles({
  facts: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

/** Mødet: check-in, mandates, the citizen's perspective and the decisions, live for every participant. */
export function MeetingScreen({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const view = useMeetingView(meetingId);
  const { reloadMeeting, reloadDecisions } = view;
  const onSignal = useCallback(
    (signal: MeetingSignal) => {
      // Signals carry no case data: re-read what changed from the store.
      if (signal.type === 'decision-saved') reloadDecisions();
      if (signal.type === 'meeting-updated' || signal.type === 'minutes-approved') reloadMeeting();
    },
    [reloadDecisions, reloadMeeting],
  );
  const publish = useMeetingChannel(meetingId, onSignal);
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
}: {
  data: MeetingView;
  refreshError: unknown;
  onRefresh: () => void;
  setMeeting: ReturnType<typeof useMeetingView>['setMeeting'];
  reloadDecisions: () => void;
  publish: (signal: MeetingSignal) => void;
  enqueue: <T>(write: () => Promise<T>) => Promise<T>;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const { meeting, pathway, plan, decisions } = data;
  const textRef = useRef<HTMLTextAreaElement>(null);
  const checkIn = useCheckIn({ meeting, enqueue, setMeeting, publish });
  const onRecorded = useCallback(
    (decision: Decision) => {
      publish({ type: 'decision-saved', decisionId: decision.id });
      reloadDecisions();
    },
    [publish, reloadDecisions],
  );
  const draft = useDecisionDraft({ meetingId: meeting.id, enqueue, onRecorded });

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
      actions={<Link href={href.minutes(meeting.id)}>{t.meeting.toMinutes}</Link>}
    >
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
          <CitizenViewSection meeting={meeting} enqueue={enqueue} setMeeting={setMeeting} publish={publish} />
        </>
      )}
      <AgendaSection agenda={meeting.agenda} />
      {cancelled ? null : (
        <DecisionForm draft={draft} meeting={meeting} pathway={pathway} plan={plan} decisions={decisions} textRef={textRef} />
      )}
      <DecisionList decisions={decisions} plan={plan} nameOf={nameOf} onCorrect={startCorrection} canCorrect={!cancelled} />
    </Page>
  );
}
