import { Badge, MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
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
  // The decision a link pointed to: a brand-coloured frame and tint, and a badge saying so (not
  // colour alone). Focused on arrival, with a visible focus ring.
  linked: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    scrollMarginBlock: tokens.spacingVerticalXXXL,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
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
  linkedDecisionId = null,
}: {
  decisions: readonly Decision[];
  nameOf: (personId: string) => string;
  /** From the route (`?beslutning=`): scrolled into view, marked and focused when the plan opens. */
  linkedDecisionId?: string | null;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const standing = new Set(standingDecisions(decisions).map((d) => d.id));
  const linkedRef = useRef<HTMLLIElement>(null);
  const linkedMissing = linkedDecisionId !== null && !decisions.some((d) => d.id === linkedDecisionId);
  useEffect(() => {
    // After the page's own effect, which focuses its heading when the screen opens (Page): a
    // parent's effects run after its children's, so the focus moves on in the next task. Focus
    // goes to the decision so a screen reader reads it; the scroll puts it mid-view, not at an edge.
    const timer = setTimeout(() => {
      const item = linkedRef.current;
      if (item === null) return;
      item.focus({ preventScroll: true });
      item.scrollIntoView?.({ block: 'center' });
    }, 0);
    return () => clearTimeout(timer);
  }, [linkedDecisionId]);
  return (
    <PlanSection title={t.pathways.decisionsTitle} testId="decision-log">
      {linkedMissing ? (
        // An alert: focus stays on the page heading, so a screen reader is told the link missed.
        <MessageBar intent="warning" role="alert" data-testid="linked-decision-missing">
          <MessageBarBody>{t.pathways.linkedDecisionMissing}</MessageBarBody>
        </MessageBar>
      ) : null}
      {decisions.length === 0 ? (
        <Text>{t.pathways.noDecisions}</Text>
      ) : (
        <ul className={styles.list}>
          {decisions.map((d) => {
            const superseded = !standing.has(d.id);
            const linked = d.id === linkedDecisionId;
            return (
              <li
                key={d.id}
                ref={linked ? linkedRef : undefined}
                tabIndex={linked ? -1 : undefined}
                aria-current={linked ? 'true' : undefined}
                className={mergeClasses(styles.item, superseded && styles.superseded, linked && styles.linked)}
                data-decision-id={d.id}
                data-linked={linked ? 'true' : undefined}
                data-status={d.status}
                data-superseded={superseded ? 'true' : 'false'}
              >
                <Text weight="semibold">{d.text}</Text>
                <span className={styles.badges}>
                  {linked ? (
                    <Badge appearance="filled" color="brand">
                      {t.pathways.linkedDecision}
                    </Badge>
                  ) : null}
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
