import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Decision } from '../../domain/model';
import { standingDecisions } from '../../domain/rules/decision-mandate';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
import { PlanSection } from './plan-section';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  superseded: { color: tokens.colorNeutralForeground3 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  escalations: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

/**
 * Beslutninger: the decision log, append-only (rule 7). A corrected decision stays visible,
 * marked "Erstattet", next to the one that replaced it.
 */
export function DecisionLogSection({
  decisions,
  nameOf,
}: {
  decisions: readonly Decision[];
  nameOf: (personId: string) => string;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const standing = new Set(standingDecisions(decisions).map((d) => d.id));
  return (
    <PlanSection title={t.pathways.decisionsTitle} testId="decision-log">
      {decisions.length === 0 ? (
        <Text>{t.pathways.noDecisions}</Text>
      ) : (
        <ul className={styles.list}>
          {decisions.map((d) => {
            const superseded = !standing.has(d.id);
            return (
              <li
                key={d.id}
                className={superseded ? `${styles.item} ${styles.superseded}` : styles.item}
                data-decision-id={d.id}
                data-status={d.status}
                data-superseded={superseded ? 'true' : 'false'}
              >
                <Text weight="semibold">{d.text}</Text>
                <span className={styles.badges}>
                  <Badge
                    appearance="tint"
                    color={d.status === 'requires-leader-follow-up' ? 'warning' : 'success'}
                  >
                    {t.decisionStatus[d.status]}
                  </Badge>
                  {superseded ? (
                    <Badge appearance="outline" color="informative" title={t.pathways.supersededBy}>
                      {t.pathways.superseded}
                    </Badge>
                  ) : null}
                </span>
                {d.escalations.length > 0 ? (
                  <ul className={styles.escalations}>
                    {d.escalations.map((e) => (
                      <li key={`${e.code}-${e.departmentId}`} data-code={e.code}>
                        {t.escalation[e.code](departmentName(e.departmentId))}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <dl className={styles.facts}>
                  <dt className={styles.term}>{t.pathways.citizenPositionLabel}</dt>
                  <dd className={styles.value}>{t.citizenPosition[d.citizenPosition]}</dd>
                  <dt className={styles.term}>{t.pathways.responsible}</dt>
                  <dd className={styles.value}>{nameOf(d.responsibleId)}</dd>
                  <dt className={styles.term}>{t.pathways.due}</dt>
                  <dd className={styles.value}>{fmt.date(d.dueDate)}</dd>
                  <dt className={styles.term}>{t.pathways.decidedAt}</dt>
                  <dd className={styles.value}>{fmt.dateTime(d.createdAt)}</dd>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </PlanSection>
  );
}
