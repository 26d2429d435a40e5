import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TeamMember } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { minWidth: '200px' },
  detail: { color: tokens.colorNeutralForeground2 },
});

/** The team as required attendees (rule 2, mødepligt): listed, not removable. */
export function RequiredAttendees({ members }: { members: readonly TeamMember[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  return (
    <ul className={styles.list} data-testid="required-attendees">
      {members.map((m) => (
        <li key={m.personId} className={styles.item} data-person-id={m.personId}>
          <Text weight="semibold" className={styles.name}>
            {m.displayName}
          </Text>
          <Text className={styles.detail}>
            {departmentName(m.departmentId)} · {t.pathways.role[m.role]}
          </Text>
          <Badge appearance="tint" color="brand">
            {t.booking.required}
          </Badge>
          <Text size={200} className={styles.detail}>
            {t.booking.rsvpUnknown}
          </Text>
        </li>
      ))}
    </ul>
  );
}
