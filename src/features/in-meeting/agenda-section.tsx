import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AgendaItem } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { MeetingSection } from './meeting-section';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  kind: { color: tokens.colorNeutralForeground2 },
});

/** The agenda as booked (rule 5: it starts with the citizen's perspective and goals). */
export function AgendaSection({ agenda }: { agenda: readonly AgendaItem[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <MeetingSection title={t.meeting.agendaHeading} testId="agenda">
      {agenda.length === 0 ? (
        <Text>{t.meeting.agendaEmpty}</Text>
      ) : (
        <ol className={styles.list}>
          {agenda.map((item) => (
            <li key={item.id}>
              <Text>
                {item.kind === 'citizen-perspective' ? null : <span className={styles.kind}>{t.meeting.agendaKind[item.kind]}: </span>}
                {item.title}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </MeetingSection>
  );
}
