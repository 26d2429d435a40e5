import { Badge, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { AgendaItem, Id } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { MeetingSection } from './meeting-section';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  kind: { color: tokens.colorNeutralForeground2 },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * The agenda as booked (rule 5: it starts with the citizen's perspective and goals). Each item
 * can be put on the meeting stage, so everyone, the citizen too, sees what is being discussed.
 */
export function AgendaSection({
  agenda,
  presentedId,
  onPresent,
}: {
  agenda: readonly AgendaItem[];
  /** The agenda item on the meeting stage now, if any. */
  presentedId: Id | null;
  onPresent: (item: AgendaItem) => void;
}) {
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
              {/* A flex <li> loses its number: the layout lives in a wrapper. */}
              <div className={styles.item}>
                <Text>
                  {item.kind === 'citizen-perspective' ? null : <span className={styles.kind}>{t.meeting.agendaKind[item.kind]}: </span>}
                  {item.title}
                </Text>
                <span className={styles.buttons}>
                  <ToggleButton
                    size="small"
                    appearance="subtle"
                    checked={presentedId === item.id}
                    onClick={() => onPresent(item)}
                    aria-label={t.meeting.presentLabel(item.title)}
                  >
                    {t.meeting.showOnStage}
                  </ToggleButton>
                  {presentedId === item.id ? (
                    <Badge appearance="filled" color="brand">
                      {t.meeting.presenting}
                    </Badge>
                  ) : null}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </MeetingSection>
  );
}
