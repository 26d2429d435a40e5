import {
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { TableRegular } from '@fluentui/react-icons';
import { Component, lazy, memo, Suspense, useId, useState, type ReactNode } from 'react';
import type { AttendanceRow, LeaderPictures as Pictures } from '../../application';
import type { Id } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
import { LoadingState } from '../../ui/states';
import type { ChartSeries } from './leader-charts';
import { ReviewSection } from './review-section';

// Its own chunk: react-charts and d3 load after the table is on screen.
const GroupedBars = lazy(() => import('./leader-charts').then((m) => ({ default: m.GroupedBars })));

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 26rem), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  caption: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { margin: 0 },
  tableWrap: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
  cell: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
});

/** A picture's figures: column headings, then one row per group (a month or a department). */
interface Figures {
  groupHeading: string;
  groups: readonly string[];
  series: readonly ChartSeries[];
}

/** If the chart chunk cannot load (offline, a new deployment), the table stands in for it. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function FiguresTable({ figures, captionId }: { figures: Figures; captionId: string }) {
  const styles = useStyles();
  const { locale } = useI18n();
  const number = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB');
  return (
    <div className={styles.tableWrap}>
      <Table size="small" aria-labelledby={captionId} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.cell}>{figures.groupHeading}</TableHeaderCell>
            {figures.series.map((s) => (
              <TableHeaderCell key={s.legend} className={styles.cell}>
                {s.legend}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {figures.groups.map((g, i) => (
            <TableRow key={g}>
              <TableCell className={styles.cell}>{g}</TableCell>
              {figures.series.map((s) => (
                <TableCell key={s.legend} className={styles.cell}>
                  {number.format(s.values[i] ?? 0)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * One picture with its accessible alternative: the same figures as a table, one toggle away
 * ("Vis som tabel", a pressed/not-pressed button). Keyboard and screen-reader users get every
 * number without the chart's pointer tooltips.
 */
function Picture({ title, figures, testId }: { title: string; figures: Figures; testId: string }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const captionId = useId();
  const [asTable, setAsTable] = useState(false);
  const empty = figures.groups.length === 0 || figures.series.every((s) => s.values.every((v) => v === 0));
  const table = <FiguresTable figures={figures} captionId={captionId} />;
  return (
    <figure className={styles.figure} aria-labelledby={captionId} data-testid={testId}>
      <figcaption className={styles.caption}>
        <Subtitle2 as="h3" id={captionId} className={styles.heading}>
          {title}
        </Subtitle2>
        {empty ? null : (
          <ToggleButton size="small" icon={<TableRegular />} checked={asTable} onClick={() => setAsTable((v) => !v)}>
            {t.leader.showAsTable}
          </ToggleButton>
        )}
      </figcaption>
      {empty ? (
        <Text>{t.leader.chartEmpty}</Text>
      ) : asTable ? (
        table
      ) : (
        <ChartBoundary fallback={table}>
          <Suspense fallback={<LoadingState label={t.leader.picturesLoading} />}>
            <GroupedBars groups={figures.groups} series={figures.series} title={title} culture={locale === 'da' ? 'da-DK' : 'en-GB'} />
          </Suspense>
        </ChartBoundary>
      )}
    </figure>
  );
}

/** `2026-11` as "nov. 2026" / "Nov 2026". */
function monthLabel(month: string, locale: 'da' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/**
 * Overblik: decisions and escalations per department per month (rule 6), mandatory attendance
 * per department (rule 2), meetings held without the citizen (rule 1) and overdue actions.
 */
/**
 * Memoised: the review passes it one deferred object (leader-review-screen.tsx), so the charts
 * re-render once per new result, after the table, and not while the rows change.
 */
export const LeaderPictures = memo(function LeaderPictures({
  pictures,
  attendance,
  departmentIds,
}: {
  pictures: Pictures;
  attendance: readonly AttendanceRow[];
  departmentIds: readonly Id[];
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const c = t.leader.chartColumns;

  const months = [...new Set(pictures.decisionsByMonth.map((r) => r.month))].sort();
  const byKey = new Map(pictures.decisionsByMonth.map((r) => [`${r.month}|${r.departmentId}`, r]));
  const decisions: Figures = {
    groupHeading: c.month,
    groups: months.map((m) => monthLabel(m, locale)),
    series: departmentIds.flatMap((d) => [
      { legend: `${departmentName(d)}: ${c.decisions.toLowerCase()}`, values: months.map((m) => byKey.get(`${m}|${d}`)?.decisions ?? 0) },
      { legend: `${departmentName(d)}: ${c.escalations.toLowerCase()}`, values: months.map((m) => byKey.get(`${m}|${d}`)?.escalations ?? 0) },
    ]),
  };
  const attendanceFigures: Figures = {
    groupHeading: c.department,
    groups: attendance.map((r) => departmentName(r.departmentId)),
    series: [
      { legend: c.present, values: attendance.map((r) => r.present) },
      { legend: c.absentWithNotice, values: attendance.map((r) => r.absentWithNotice) },
      { legend: c.absentWithoutNotice, values: attendance.map((r) => r.absentWithoutNotice), tone: 'danger' },
    ],
  };
  const meetings: Figures = {
    groupHeading: c.month,
    groups: pictures.meetingsByMonth.map((r) => monthLabel(r.month, locale)),
    series: [
      { legend: c.held, values: pictures.meetingsByMonth.map((r) => r.held) },
      { legend: c.withoutCitizen, values: pictures.meetingsByMonth.map((r) => r.withoutCitizen), tone: 'danger' },
    ],
  };
  const overdue: Figures = {
    groupHeading: c.department,
    groups: pictures.overdueByDepartment.map((r) => departmentName(r.departmentId)),
    series: [{ legend: c.overdue, values: pictures.overdueByDepartment.map((r) => r.overdue), tone: 'danger' }],
  };

  return (
    <ReviewSection title={t.leader.picturesHeading} testId="leader-pictures">
      {() => (
        <div className={styles.grid}>
          <Picture title={t.leader.chartDecisions} figures={decisions} testId="picture-decisions" />
          <Picture title={t.leader.chartAttendance} figures={attendanceFigures} testId="picture-attendance" />
          <Picture title={t.leader.chartNoCitizen} figures={meetings} testId="picture-no-citizen" />
          <Picture title={t.leader.chartOverdue} figures={overdue} testId="picture-overdue" />
        </div>
      )}
    </ReviewSection>
  );
});
