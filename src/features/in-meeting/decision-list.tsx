import { Badge, Button, Text, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CitizenPlan, Decision, Id } from '../../domain/model';
import { standingDecisions } from '../../domain/rules/decision-mandate';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
import { MeetingSection } from './meeting-section';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  escalated: { borderLeftColor: tokens.colorStatusWarningBorder1 },
  superseded: { color: tokens.colorNeutralForeground3 },
  struck: { textDecorationLine: 'line-through' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0 },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * The meeting's decisions, oldest first. A correction never replaces a decision in place
 * (rule 7): the old one stays, struck through and marked as superseded.
 */
export function DecisionList({
  decisions,
  plan,
  nameOf,
  onCorrect,
  canCorrect,
  presentedId,
  onPresent,
}: {
  decisions: readonly Decision[];
  plan: CitizenPlan;
  nameOf: (personId: Id) => string;
  onCorrect: (decision: Decision) => void;
  canCorrect: boolean;
  /** The decision on the meeting stage now, if any. */
  presentedId: Id | null;
  /** Shows the decision on the stage (with the citizen's answer), or stops showing it. */
  onPresent: (decision: Decision) => void;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const standing = new Set(standingDecisions(decisions).map((d) => d.id));
  const goalText = (id: Id | null) => (id === null ? null : (plan.goals.find((g) => g.id === id)?.text ?? null));

  return (
    <MeetingSection title={t.meeting.decisionsHeading} testId="meeting-decisions">
      {decisions.length === 0 ? (
        <Text>{t.meeting.decisionsEmpty}</Text>
      ) : (
        <ul className={styles.list}>
          {decisions.map((d) => {
            const isStanding = standing.has(d.id);
            const escalated = d.status === 'requires-leader-follow-up';
            const goal = goalText(d.goalId);
            return (
              <li
                key={d.id}
                data-decision-id={d.id}
                data-status={d.status}
                data-superseded={isStanding ? undefined : 'true'}
                className={mergeClasses(styles.item, escalated && styles.escalated, !isStanding && styles.superseded)}
              >
                <div className={styles.badges}>
                  <Badge appearance="tint" color={escalated ? 'warning' : 'success'}>
                    {t.decisionStatus[d.status]}
                  </Badge>
                  {isStanding ? null : (
                    <Badge appearance="outline" color="informative">
                      {t.meeting.superseded}
                    </Badge>
                  )}
                  {d.supersedes ? <Text size={200}>{t.meeting.corrects}</Text> : null}
                </div>
                <Text weight="semibold" className={isStanding ? undefined : styles.struck}>
                  {d.text}
                </Text>
                {escalated ? (
                  <ul className={styles.reasons}>
                    {d.escalations.map((e) => (
                      <li key={`${e.code}-${e.departmentId}`}>
                        <Text>{t.escalation[e.code](departmentName(e.departmentId))}</Text>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <dl className={styles.facts}>
                  <dt className={styles.term}>{t.meeting.position}</dt>
                  <dd className={styles.detail}>{t.citizenPosition[d.citizenPosition]}</dd>
                  {goal ? (
                    <>
                      <dt className={styles.term}>{t.meeting.goal}</dt>
                      <dd className={styles.detail}>{goal}</dd>
                    </>
                  ) : null}
                  <dt className={styles.term}>{t.meeting.departments}</dt>
                  <dd className={styles.detail}>
                    {d.commitments
                      .map((c) => (c.amountDkk > 0 ? `${departmentName(c.departmentId)} (${fmt.amount(c.amountDkk)})` : departmentName(c.departmentId)))
                      .join(', ')}
                  </dd>
                  <dt className={styles.term}>{t.meeting.responsible}</dt>
                  <dd className={styles.detail}>{nameOf(d.responsibleId)}</dd>
                  <dt className={styles.term}>{t.meeting.due}</dt>
                  <dd className={styles.detail}>{fmt.date(d.dueDate)}</dd>
                </dl>
                {isStanding ? (
                  <div className={styles.buttons}>
                    {canCorrect ? (
                      <Button size="small" onClick={() => onCorrect(d)} aria-label={t.meeting.correctLabel(d.text)}>
                        {t.meeting.correct}
                      </Button>
                    ) : null}
                    <ToggleButton
                      size="small"
                      checked={presentedId === d.id}
                      onClick={() => onPresent(d)}
                      aria-label={t.meeting.presentLabel(d.text)}
                    >
                      {t.meeting.showOnStage}
                    </ToggleButton>
                    {presentedId === d.id ? (
                      <Badge appearance="filled" color="brand">
                        {t.meeting.presenting}
                      </Badge>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </MeetingSection>
  );
}
