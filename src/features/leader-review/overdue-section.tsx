import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewRow } from '../../application';
import { useI18n } from '../../ui/i18n';
import { CitizenLink } from './citizen-link';
import { ReviewSection } from './review-section';
import { useLimitedList } from './use-limited-list';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorStatusDangerBorder1}`,
  },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Overskredne opgaver: open actions past their due date. */
export function OverdueSection({ rows }: { rows: readonly ReviewRow[] }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const { shown, more } = useLimitedList(rows);
  return (
    <ReviewSection title={t.leader.overdueHeading} testId="leader-overdue">
      {() =>
        rows.length === 0 ? (
          <Text>{t.leader.overdueEmpty}</Text>
        ) : (
          <>
            <ul className={styles.list}>
              {shown.map((row) => (
                <li key={row.decision.id} className={styles.item} data-decision-id={row.decision.id}>
                  <Text weight="semibold">{row.action?.title ?? row.decision.text}</Text>
                  <Text className={styles.meta}>
                    <CitizenLink pathwayId={row.pathway.id} initials={row.pathway.initials} caseRef={row.pathway.caseRef} /> ·{' '}
                    {t.leader.owner}: {row.responsibleName} · {t.leader.dueWas(fmt.date(row.action?.dueDate ?? row.decision.dueDate))}
                  </Text>
                </li>
              ))}
            </ul>
            {more}
          </>
        )
      }
    </ReviewSection>
  );
}
