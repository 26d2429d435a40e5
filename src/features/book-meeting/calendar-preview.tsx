import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useI18n } from '../../ui/i18n';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, whiteSpace: 'pre-wrap' },
  private: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** Exactly what reaches the calendar (rule 4): neutral subject and body, private. */
export function CalendarPreview({ subject, body }: { subject: string; body: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.box} data-testid="calendar-preview">
      <dl className={styles.facts}>
        <dt className={styles.term}>{t.booking.subject}</dt>
        <dd className={styles.value} data-testid="calendar-subject">
          {subject}
        </dd>
        <dt className={styles.term}>{t.booking.body}</dt>
        <dd className={styles.value} data-testid="calendar-body">
          {body}
        </dd>
        <dt className={styles.term}>{t.booking.visibility}</dt>
        <dd className={styles.value}>
          <span className={styles.private}>
            <LockClosedRegular aria-hidden />
            {t.booking.private}
          </span>
        </dd>
      </dl>
      <Text>{t.booking.planStays}</Text>
    </div>
  );
}
