import {
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
import type { AttendanceRow } from '../../application';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
import { ReviewSection } from './review-section';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  missing: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorStatusDangerForeground1 },
});

/** Mødepligt pr. afdeling (rule 2): who was invited to held meetings, and who came. */
export function AttendanceTable({ rows }: { rows: readonly AttendanceRow[] }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const percent = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  const c = t.leader.attendanceColumns;
  const held = rows.some((r) => r.invited > 0);
  return (
    <ReviewSection title={t.leader.attendanceHeading} testId="leader-attendance">
      {(headingId) =>
        !held ? (
          <Text>{t.leader.attendanceEmpty}</Text>
        ) : (
          <Table size="small" aria-labelledby={headingId} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{c.department}</TableHeaderCell>
                <TableHeaderCell>{c.invited}</TableHeaderCell>
                <TableHeaderCell>{c.present}</TableHeaderCell>
                <TableHeaderCell>{c.absentWithNotice}</TableHeaderCell>
                <TableHeaderCell>{c.absentWithoutNotice}</TableHeaderCell>
                <TableHeaderCell>{c.rate}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.departmentId} data-department={r.departmentId}>
                  <TableCell>{departmentName(r.departmentId)}</TableCell>
                  <TableCell>{r.invited}</TableCell>
                  <TableCell>{r.present}</TableCell>
                  <TableCell>{r.absentWithNotice}</TableCell>
                  <TableCell className={r.absentWithoutNotice > 0 ? styles.missing : undefined}>{r.absentWithoutNotice}</TableCell>
                  <TableCell>{r.invited === 0 ? t.leader.rateUnknown : percent.format(r.present / r.invited)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      }
    </ReviewSection>
  );
}
