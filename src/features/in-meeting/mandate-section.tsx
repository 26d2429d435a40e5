import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Id, TeamMember } from '../../domain/model';
import { mandateCoverage } from '../../domain/rules/decision-mandate';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';
import { MeetingSection } from './meeting-section';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  department: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  headline: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  holders: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * Rule 6 made visible before anything is decided: per department of the team, who holds the
 * mandate and whether one of them is here.
 */
export function MandateSection({ members, presentIds }: { members: readonly TeamMember[]; presentIds: ReadonlySet<Id> }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const coverage = mandateCoverage(members, presentIds);
  return (
    <MeetingSection title={t.meeting.mandatesHeading} intro={t.meeting.mandatesIntro} testId="mandates">
      <ul className={styles.list}>
        {coverage.map(({ departmentId, holders, present }) => (
          <li key={departmentId} className={styles.department} data-department={departmentId}>
            <span className={styles.headline}>
              <Text weight="semibold">{departmentName(departmentId)}</Text>
              {present.length > 0 ? (
                <Badge appearance="tint" color="success" icon={<CheckmarkCircle16Filled />}>
                  {t.meeting.mandatePresent}
                </Badge>
              ) : (
                <Badge appearance="tint" color="warning" icon={<Warning16Filled />}>
                  {t.meeting.mandateMissing}
                </Badge>
              )}
            </span>
            {holders.length === 0 ? (
              <Text className={styles.muted}>{t.meeting.noMandateHolder}</Text>
            ) : (
              <ul className={styles.holders}>
                {holders.map((h) => (
                  <li key={h.personId}>
                    <Text>
                      {h.displayName} ({presentIds.has(h.personId) ? t.meeting.holderPresent : t.meeting.holderAbsent})
                      {h.mandate ? `: ${h.mandate.description}, ${t.meeting.mandateUpTo(fmt.amount(h.mandate.maxAmountDkk))}` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </MeetingSection>
  );
}
