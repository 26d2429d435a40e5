import { Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Regular, CloudOff20Regular, ErrorCircle20Regular } from '@fluentui/react-icons';
import { useI18n } from '../../ui/i18n';
import type { OverallSaveState } from './use-write-status';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // Always visible: the side panel is long and narrow, so the state stays at the top while
    // the panel scrolls.
    position: 'sticky',
    top: 0,
    zIndex: 1,
  },
  waiting: { ...shorthands.borderColor(tokens.colorStatusWarningBorder1) },
  conflict: { ...shorthands.borderColor(tokens.colorStatusDangerBorder1) },
  icon: { flexShrink: 0, marginTop: '2px' },
  text: { display: 'flex', flexDirection: 'column' },
  detail: { color: tokens.colorNeutralForeground2 },
});

/**
 * The side panel's saving state, always on screen: "Gemt", "Venter på forbindelse" or
 * "Konflikt" (rule 7). A polite live region, like every status line in the app (Fluent v9 has
 * no global announcer): a screen reader hears the change without losing its place.
 */
export function SaveStatus({ state }: { state: OverallSaveState }) {
  const { t } = useI18n();
  const styles = useStyles();
  const s = t.meeting.syncState[state];
  const Icon = state === 'saved' ? CheckmarkCircle20Regular : state === 'waiting' ? CloudOff20Regular : ErrorCircle20Regular;
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="sync-state"
      data-state={state}
      className={mergeClasses(styles.root, state === 'waiting' && styles.waiting, state === 'conflict' && styles.conflict)}
    >
      <Icon className={styles.icon} aria-hidden="true" />
      <span className={styles.text}>
        <Text weight="semibold">{s.title}</Text>
        {s.detail ? (
          <Text size={200} className={styles.detail}>
            {s.detail}
          </Text>
        ) : null}
      </span>
    </div>
  );
}
