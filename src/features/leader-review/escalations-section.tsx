import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewRow } from '../../application';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
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
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorStatusWarningBorder1}`,
  },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Eskalationer: decisions recorded beyond a present mandate (rule 6), with the reasons. */
export function EscalationsSection({ rows }: { rows: readonly ReviewRow[] }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const { shown, more } = useLimitedList(rows);
  return (
    <ReviewSection title={t.leader.escalationsHeading} testId="leader-escalations">
      {() =>
        rows.length === 0 ? (
          <Text>{t.leader.escalationsEmpty}</Text>
        ) : (
          <>
            <ul className={styles.list}>
              {shown.map((row) => (
                <li key={row.decision.id} className={styles.item} data-decision-id={row.decision.id}>
                  <Text weight="semibold">{row.decision.text}</Text>
                  <Text className={styles.meta}>
                    <CitizenLink pathwayId={row.pathway.id} initials={row.pathway.initials} caseRef={row.pathway.caseRef} /> ·{' '}
                    {fmt.date(row.decision.createdAt)} · {row.responsibleName}
                  </Text>
                  <ul className={styles.reasons}>
                    {row.decision.escalations.map((e) => (
                      <li key={`${e.code}-${e.departmentId}`}>
                        <Text>{t.escalation[e.code](departmentName(e.departmentId))}</Text>
                      </li>
                    ))}
                  </ul>
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
