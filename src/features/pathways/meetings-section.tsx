import {
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TeamMeeting } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { href } from '../../ui/routes';
import { PlanSection } from './plan-section';

const useStyles = makeStyles({ links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM } });

/** Teammøder: every meeting of the pathway, with links to the meeting and its minutes. */
export function MeetingsSection({ pathwayId, meetings }: { pathwayId: string; meetings: readonly TeamMeeting[] }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  return (
    <PlanSection
      title={t.pathways.meetingsTitle}
      testId="meetings"
      action={
        <Button as="a" href={href.book(pathwayId)}>
          {t.pathways.bookMeeting}
        </Button>
      }
    >
      {meetings.length === 0 ? (
        <Text>{t.pathways.noMeetings}</Text>
      ) : (
        <Table aria-label={t.pathways.meetingsTitle}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.pathways.colTime}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.pathways.colStatus}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.pathways.colLinks}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {meetings.map((m) => {
              const when = fmt.weekdayDateTime(m.start);
              return (
                <TableRow key={m.id} data-meeting-id={m.id} data-status={m.status}>
                  <TableCell>{when}</TableCell>
                  <TableCell>{t.meetingStatus[m.status]}</TableCell>
                  <TableCell>
                    <span className={styles.links}>
                      <Link href={href.meeting(m.id)} aria-label={t.pathways.openMeetingLabel(when)}>
                        {t.pathways.openMeeting}
                      </Link>
                      {m.status === 'held' || m.status === 'minuted' ? (
                        <Link href={href.minutes(m.id)} aria-label={t.pathways.openMinutesLabel(when)}>
                          {t.pathways.openMinutes}
                        </Link>
                      ) : null}
                    </span>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </PlanSection>
  );
}
