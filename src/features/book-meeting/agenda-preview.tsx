import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AgendaItem } from '../../domain/model';
import { useI18n } from '../../ui/i18n';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { paddingLeft: tokens.spacingHorizontalXS },
  row: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The agenda as it will be booked: the citizen's perspective and goals first (rule 5). */
export function AgendaPreview({ agenda }: { agenda: readonly AgendaItem[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <ol className={styles.list} data-testid="agenda-preview">
      {agenda.map((item) => (
        <li key={item.id} className={styles.item} data-kind={item.kind}>
          <span className={styles.row}>
            <Text weight={item.kind === 'citizen-perspective' ? 'semibold' : 'regular'}>
              {/* The domain names this item in Danish for the stored agenda; the screen speaks the user's language. */}
              {item.kind === 'citizen-perspective' ? t.booking.citizenPerspective : item.title}
            </Text>
            <Badge appearance="outline" color={item.kind === 'transition' ? 'warning' : 'informative'}>
              {t.booking.agendaKind[item.kind]}
            </Badge>
          </span>
        </li>
      ))}
    </ol>
  );
}
