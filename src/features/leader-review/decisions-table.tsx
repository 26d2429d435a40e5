import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { ReviewRow } from '../../application';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
import { CitizenLink } from './citizen-link';
import { ReviewSection } from './review-section';

const useStyles = makeStyles({
  escalated: { boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorStatusWarningBorder1}` },
  overdue: { boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorStatusDangerBorder1}` },
  // Columns sized by their content: fixed equal columns squeeze the decision text.
  table: { tableLayout: 'auto' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  badge: { whiteSpace: 'nowrap' },
  text: { minWidth: '14rem' },
  nowrap: { whiteSpace: 'nowrap' },
});

/** Beslutninger: every standing decision in scope; escalations and overdue actions stand out. */
export function DecisionsTable({ rows }: { rows: readonly ReviewRow[] }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const c = t.leader.columns;
  return (
    <ReviewSection title={t.leader.decisionsHeading} testId="leader-decisions">
      {(headingId) =>
        rows.length === 0 ? (
          <Text>{t.leader.decisionsEmpty}</Text>
        ) : (
          <Table size="small" aria-labelledby={headingId} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{c.date}</TableHeaderCell>
                <TableHeaderCell>{c.citizen}</TableHeaderCell>
                <TableHeaderCell>{c.decision}</TableHeaderCell>
                <TableHeaderCell>{c.departments}</TableHeaderCell>
                <TableHeaderCell>{c.responsible}</TableHeaderCell>
                <TableHeaderCell>{c.due}</TableHeaderCell>
                <TableHeaderCell>{c.status}</TableHeaderCell>
                <TableHeaderCell>{c.position}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => {
                const d = row.decision;
                const escalated = d.status === 'requires-leader-follow-up';
                return (
                  <TableRow
                    key={d.id}
                    data-decision-id={d.id}
                    data-escalated={escalated ? 'true' : undefined}
                    data-overdue={row.overdue ? 'true' : undefined}
                    className={mergeClasses(escalated && styles.escalated, row.overdue && styles.overdue)}
                  >
                    <TableCell>{fmt.date(d.createdAt)}</TableCell>
                    <TableCell className={styles.nowrap}>
                      <CitizenLink pathwayId={row.pathway.id} initials={row.pathway.initials} caseRef={row.pathway.caseRef} />
                    </TableCell>
                    <TableCell className={styles.text}>{d.text}</TableCell>
                    <TableCell>{[...new Set(d.commitments.map((x) => x.departmentId))].map(departmentName).join(', ')}</TableCell>
                    <TableCell>{row.responsibleName}</TableCell>
                    <TableCell>{fmt.date(d.dueDate)}</TableCell>
                    <TableCell>
                      <span className={styles.badges}>
                        <Badge appearance="tint" color={escalated ? 'warning' : 'success'} className={styles.badge}>
                          {t.decisionStatus[d.status]}
                        </Badge>
                        {row.overdue ? (
                          <Badge appearance="filled" color="danger" className={styles.badge}>
                            {t.leader.overdue}
                          </Badge>
                        ) : null}
                      </span>
                    </TableCell>
                    <TableCell>{t.citizenPosition[d.citizenPosition]}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )
      }
    </ReviewSection>
  );
}
