import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStrings } from './i18n';
import type { Strings } from './strings/da';

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

type ErrorKey = keyof Strings['errors'];

/**
 * The explanation of a typed failure: by its stable `code` (Graph errors) or its `name` (the
 * ports' errors). ui imports no adapters, so it reads these properties instead of instanceof.
 */
export function explainError(error: unknown, t: Strings): { title: string; body: string; retry: boolean } {
  if (error instanceof Error) {
    if (error.name === 'NotFoundError') return { title: t.common.notFoundTitle, body: t.common.notFoundBody, retry: false };
    const code = (error as Error & { code?: unknown }).code;
    for (const key of [code, error.name]) {
      if (typeof key === 'string' && key in t.errors) {
        const text = t.errors[key as ErrorKey];
        return { ...text, retry: key !== 'GRAPH_FORBIDDEN' && key !== 'GRAPH_BAD_REQUEST' };
      }
    }
  }
  return { title: t.common.errorTitle, body: t.common.errorBody, retry: true };
}

/** A failure explained in plain words, with a way to try again; never an empty list. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useStrings();
  const { title, body, retry } = explainError(error, t);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
      {onRetry && retry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t.common.retry}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
