import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useI18n } from '../../ui/i18n';
import type { FileExportState } from './use-file-export';

/** The outcome of an export, announced: "downloaded" politely, a failure as an alert. */
export function ExportStatus({ state }: { state: FileExportState }) {
  const { t } = useI18n();
  return (
    <>
      <span role="status" aria-live="polite">
        {state.status === 'building' ? <Text>{t.export.building}</Text> : null}
        {state.status === 'done' ? <Text data-testid="export-done">{t.export.done(state.fileName)}</Text> : null}
      </span>
      {state.status === 'error' ? (
        <MessageBar intent="error" role="alert" data-testid="export-error">
          <MessageBarBody>{t.export.error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
