import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStrings } from './i18n';

const useStyles = makeStyles({
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    alignItems: 'flex-start',
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Shown while a screen loads; announced politely to screen readers. */
export function LoadingState({ label }: { label?: string }) {
  const t = useStrings();
  return <Spinner role="status" aria-live="polite" label={label ?? t.common.loading} labelPosition="after" />;
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <Text weight="semibold">{title}</Text>
      {children ? <Text>{children}</Text> : null}
      {action}
    </div>
  );
}

/** The name of a typed error from the ports or use cases (checked by name: ui imports no adapters). */
function errorName(error: unknown): string | null {
  return error instanceof Error ? error.name : null;
}

/** A failure explained in plain words, with a way to try again; never an empty list. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useStrings();
  const notFound = errorName(error) === 'NotFoundError';
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{notFound ? t.common.notFoundTitle : t.common.errorTitle}</MessageBarTitle>
        {notFound ? t.common.notFoundBody : t.common.errorBody}
      </MessageBarBody>
      {onRetry && !notFound ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t.common.retry}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
