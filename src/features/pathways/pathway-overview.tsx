import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { CitizenPlan, Pathway } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { coordinatorName } from './pathway-filters';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalXL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

/** Who the pathway is about and who holds it, plus the plan's version. */
export function PathwayOverview({ pathway, plan }: { pathway: Pathway; plan: CitizenPlan }) {
  const { t } = useI18n();
  const styles = useStyles();
  const c = pathway.citizen;
  return (
    <div className={styles.root} data-testid="pathway-overview">
      <dl className={styles.facts} aria-label={t.pathways.overview}>
        <dt className={styles.term}>{t.pathways.initialsLabel}</dt>
        <dd className={styles.value}>{c.initials}</dd>
        <dt className={styles.term}>{t.pathways.caseRefLabel}</dt>
        <dd className={styles.value}>{c.caseRef}</dd>
        <dt className={styles.term}>{t.pathways.attendanceLabel}</dt>
        <dd className={styles.value}>{t.attendanceMode[c.attendance]}</dd>
        <dt className={styles.term}>{t.pathways.coordinatorLabel}</dt>
        <dd className={styles.value}>{coordinatorName(pathway)}</dd>
        <dt className={styles.term}>{t.pathways.statusLabel}</dt>
        <dd className={styles.value}>{t.pathways.pathwayStatus[pathway.status]}</dd>
      </dl>
      <Badge appearance="outline" size="large" data-testid="plan-version">
        {t.pathways.planVersion(plan.version)}
      </Badge>
    </div>
  );
}
