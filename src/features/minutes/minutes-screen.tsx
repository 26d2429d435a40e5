import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Print20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { approveMinutes, draftMinutes, requireMeeting } from '../../application';
import type { Id, MinutesContent, TeamMeeting } from '../../domain/model';
import type { MeetingChannelSession } from '../../ports/meeting-channel';
import { useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { href } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { ViolationList } from '../../ui/violation-list';
import { MinutesSections } from './minutes-sections';
import { usePrintStyles } from './print-styles';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  minutes: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

type Approval =
  | { status: 'idle' }
  | { status: 'approving' }
  | { status: 'approved'; version: number }
  | { status: 'error'; error: unknown };

/**
 * Referat: the minutes generated from the meeting, checked once more against the calendar
 * (rule 1), and written into the citizen's plan when the coordinator approves (rule 7: once
 * per meeting; approving again makes a new version of the same entry).
 */
/**
 * `exportSlot` renders the plan-with-minutes export (PDF, Word) for journalisering; the
 * composition root (src/app/route-view.tsx) fills it, as features do not import each other.
 */
export function MinutesScreen({
  meetingId,
  exportSlot,
}: {
  meetingId: Id;
  exportSlot?: (meeting: Pick<TeamMeeting, 'pathwayId'>, minutes: MinutesContent) => ReactNode;
}) {
  const { t } = useI18n();
  const { services, me } = useSession();
  const styles = useStyles();
  usePrintStyles();
  const minutes = useAsync(async () => {
    const [meeting, draft] = await Promise.all([requireMeeting(services, meetingId), draftMinutes(services, meetingId)]);
    return { meeting, draft };
  }, [meetingId, me.id]);
  const [approval, setApproval] = useState<Approval>({ status: 'idle' });
  const { reload } = minutes;

  // Decisions and check-in may still change in the meeting; re-read when someone says so.
  const channel = useRef<MeetingChannelSession | null>(null);
  useEffect(() => {
    const joined = services.channel.join(meetingId, me.id);
    channel.current = joined;
    const unsubscribe = joined.subscribe((signal) => {
      if (signal.type === 'decision-saved' || signal.type === 'meeting-updated' || signal.type === 'minutes-approved') reload();
    });
    return () => {
      unsubscribe();
      joined.close();
      if (channel.current === joined) channel.current = null;
    };
  }, [services, meetingId, me.id, reload]);

  const approve = useCallback(async () => {
    setApproval({ status: 'approving' });
    try {
      const written = await approveMinutes(services, meetingId);
      setApproval({ status: 'approved', version: written.version });
      channel.current?.publish({ type: 'minutes-approved' });
      reload();
    } catch (error) {
      setApproval({ status: 'error', error });
    }
  }, [services, meetingId, reload]);

  const back = { href: href.meeting(meetingId), label: t.minutes.backToMeeting };

  if (minutes.data === null) {
    return (
      <Page title={t.minutes.title} back={back}>
        {minutes.status === 'error' ? <ErrorState error={minutes.error} onRetry={reload} /> : <LoadingState />}
      </Page>
    );
  }

  const { draft } = minutes.data;
  const version = approval.status === 'approved' ? Math.max(approval.version, draft.approvedVersion ?? 0) : draft.approvedVersion;
  const nameOf = (personId: Id) => draft.content.invited.find((p) => p.personId === personId)?.displayName ?? personId;

  return (
    <Page
      title={t.minutes.title}
      back={back}
      actions={
        <div className={styles.actions} data-print="hide">
          <Button icon={<Print20Regular />} onClick={() => window.print()}>
            {t.minutes.print}
          </Button>
          {minutes.data ? exportSlot?.(minutes.data.meeting, minutes.data.draft.content) : null}
          <Button appearance="primary" onClick={() => void approve()} disabled={approval.status === 'approving'}>
            {approval.status === 'approving' ? t.minutes.approving : version === null ? t.minutes.approve : t.minutes.approveAgain}
          </Button>
        </div>
      }
    >
      <div className={styles.status}>
        <Text weight="semibold" data-testid="minutes-version">
          {version === null ? t.minutes.notApproved : t.minutes.approvedVersion(version)}
        </Text>
        <div role="status" aria-live="polite" data-print="hide">
          {approval.status === 'approved' ? (
            <MessageBar intent="success">
              <MessageBarBody>{t.minutes.approved(approval.version)}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
        {approval.status === 'error' ? (
          <div data-print="hide">
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{t.minutes.approveError}</MessageBarBody>
            </MessageBar>
          </div>
        ) : null}
        {minutes.status === 'error' ? <ErrorState error={minutes.error} onRetry={reload} /> : null}
        <Text data-testid="minutes-attendance-source">
          {draft.attendance.report === 'none'
            ? t.minutes.attendanceCheckIn
            : draft.attendance.report === 'pending'
              ? t.minutes.attendanceReportPending
              : draft.attendance.report === 'unavailable'
                ? t.minutes.attendanceReportUnavailable
                : t.minutes.attendanceReport(draft.attendance.filledFromReport.map(nameOf).join(', '))}
        </Text>
        <ViolationList title={t.minutes.invitationViolationsTitle} violations={draft.invitationViolations} nameOf={nameOf} />
      </div>
      <article className={styles.minutes} data-testid="minutes" aria-label={t.minutes.title}>
        <MinutesSections content={draft.content} />
      </article>
    </Page>
  );
}
