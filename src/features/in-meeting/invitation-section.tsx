import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { checkLiveInvitation, type InvitationCheck } from '../../application';
import type { Id, TeamMeeting } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName, useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { ViolationList } from '../../ui/violation-list';
import { MeetingSection } from './meeting-section';

/**
 * Rules 1 and 2 re-checked against the calendar event as it stands now: people edit
 * invitations in Outlook, so the booking-time check is not enough (PRODUCT.md, rule 1).
 */
export function InvitationSection({
  meeting,
  enqueue,
  nameOf,
}: {
  meeting: TeamMeeting;
  enqueue: <T>(write: () => Promise<T>) => Promise<T>;
  nameOf: (personId: Id) => string;
}) {
  const { t } = useI18n();
  const { services } = useSession();
  const departmentName = useDepartmentName();
  const meetingId = meeting.id;
  // The check stores the RSVPs it reads, so it waits its turn behind the screen's other writes.
  const check = useAsync<InvitationCheck>(() => enqueue(() => checkLiveInvitation(services, meetingId)), [meetingId]);

  return (
    <MeetingSection title={t.meeting.invitationHeading} intro={t.meeting.invitationIntro} testId="invitation">
      {meeting.calendarEventId === null ? (
        <Text>{t.meeting.invitationNoEvent}</Text>
      ) : check.status === 'error' ? (
        <ErrorState error={check.error} onRetry={check.reload} />
      ) : check.data === null ? (
        <LoadingState />
      ) : (
        <>
          <Text>{t.meeting.citizenInvitation[check.data.meeting.citizenInvitation.mode]}</Text>
          <Table size="small" aria-label={t.meeting.invitationHeading}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.meeting.attendeeColumn}</TableHeaderCell>
                <TableHeaderCell>{t.meeting.departmentColumn}</TableHeaderCell>
                <TableHeaderCell>{t.meeting.rsvpColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {check.data.meeting.requiredAttendees.map((a) => (
                <TableRow key={a.personId}>
                  <TableCell>{a.displayName}</TableCell>
                  <TableCell>{departmentName(a.departmentId)}</TableCell>
                  <TableCell>{t.rsvp[check.data?.meeting.rsvp[a.personId] ?? 'none']}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {check.data.violations.length > 0 ? (
            <ViolationList title={t.meeting.invitationViolationsTitle} violations={check.data.violations} nameOf={nameOf} />
          ) : (
            <MessageBar intent="success">
              <MessageBarBody>{t.meeting.invitationOk}</MessageBarBody>
            </MessageBar>
          )}
          <div>
            <Button onClick={check.reload} disabled={check.status === 'loading'}>
              {t.meeting.invitationRecheck}
            </Button>
          </div>
        </>
      )}
    </MeetingSection>
  );
}
