import { Button, Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { CheckmarkCircle20Regular, CloudOff20Regular, ErrorCircle20Regular } from '@fluentui/react-icons';
import { useI18n } from '../../ui/i18n';
import type { OverallSaveState } from './use-write-status';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
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
  status: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flexGrow: 1 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { flexShrink: 0, marginTop: '2px' },
  text: { display: 'flex', flexDirection: 'column' },
  detail: { color: tokens.colorNeutralForeground2 },
});

/** What the user can do about a conflict (WriteStatus.retryConflicts / dismissConflicts). */
export interface ConflictActions {
  retry: () => Promise<void>;
  dismiss: () => Promise<void>;
}

/**
 * The side panel's saving state, always on screen: "Gemt", "Venter på forbindelse" or
 * "Konflikt" (rule 7). A polite live region, like every status line in the app (Fluent v9 has
 * no global announcer): a screen reader hears the change without losing its place. On a
 * conflict it offers "Prøv igen" and "Kassér ændringen" (asked first: the change is never sent);
 * the buttons sit outside the live region, so a change of state is read without them.
 */
export function SaveStatus({ state, conflictActions }: { state: OverallSaveState; conflictActions?: ConflictActions }) {
  const { t } = useI18n();
  const styles = useStyles();
  const s = t.meeting.syncState[state];
  const Icon = state === 'saved' ? CheckmarkCircle20Regular : state === 'waiting' ? CloudOff20Regular : ErrorCircle20Regular;
  const [busy, setBusy] = useState(false);
  /** The state an action failed in: the "did not work" line shows only while that state lasts. */
  const [failedIn, setFailedIn] = useState<OverallSaveState | null>(null);
  const failed = failedIn === state;
  const status = useRef<HTMLDivElement>(null);
  /** An action ran from the buttons: when they go (the conflict is solved), focus moves to the status. */
  const acted = useRef(false);
  useEffect(() => {
    if (state !== 'conflict' && acted.current) {
      acted.current = false;
      status.current?.focus();
    }
  }, [state]);
  const run = (action: () => Promise<void>) => {
    acted.current = true;
    setBusy(true);
    setFailedIn(null);
    action().then(
      () => setBusy(false),
      () => {
        setBusy(false);
        setFailedIn(state);
      },
    );
  };
  const a = t.meeting.conflictActions;
  return (
    <div
      data-testid="sync-state-bar"
      className={mergeClasses(styles.root, state === 'waiting' && styles.waiting, state === 'conflict' && styles.conflict)}
    >
      <div
        ref={status}
        // Focusable by script only: where focus goes when the conflict buttons disappear.
        tabIndex={-1}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="sync-state"
        data-state={state}
        className={styles.status}
      >
        <Icon className={styles.icon} aria-hidden="true" />
        <span className={styles.text}>
          <Text weight="semibold">{s.title}</Text>
          {s.detail ? (
            <Text size={200} className={styles.detail}>
              {s.detail}
            </Text>
          ) : null}
          {failed ? (
            <Text size={200} className={styles.detail}>
              {a.failed}
            </Text>
          ) : null}
        </span>
      </div>
      {state === 'conflict' && conflictActions ? (
        <div className={styles.actions}>
          {/* disabledFocusable: focus stays on the button while the action runs. */}
          <Button size="small" appearance="primary" disabledFocusable={busy} onClick={() => run(conflictActions.retry)}>
            {a.retry}
          </Button>
          <ConfirmDialog
            trigger={
              <Button size="small" disabledFocusable={busy}>
                {a.dismiss}
              </Button>
            }
            title={a.dismissTitle}
            body={a.dismissBody}
            confirmLabel={a.dismissConfirm}
            onConfirm={() => run(conflictActions.dismiss)}
          />
        </div>
      ) : null}
    </div>
  );
}
