import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Minutes } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { href } from '../../ui/routes';
import { PlanSection } from './plan-section';

/** Referater: the minutes written into the plan, one entry per meeting with its version. */
export function MinutesHistorySection({ minutes }: { minutes: readonly Minutes[] }) {
  const { t, fmt } = useI18n();
  return (
    <PlanSection title={t.pathways.minutesTitle} testId="minutes-history">
      {minutes.length === 0 ? (
        <Text>{t.pathways.noMinutes}</Text>
      ) : (
        <Table aria-label={t.pathways.minutesTitle}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.pathways.colMeeting}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.pathways.colVersion}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.pathways.colApprovedAt}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.pathways.colLinks}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {minutes.map((m) => {
              const when = fmt.weekdayDateTime(m.content.meetingStart);
              return (
                <TableRow key={m.id} data-meeting-id={m.meetingId}>
                  <TableCell>{when}</TableCell>
                  <TableCell>{t.pathways.minutesVersion(m.version)}</TableCell>
                  <TableCell>{fmt.dateTime(m.approvedAt)}</TableCell>
                  <TableCell>
                    <Link href={href.minutes(m.meetingId)} aria-label={t.pathways.showMinutesLabel(when)}>
                      {t.pathways.showMinutes}
                    </Link>
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
