import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, teamsLightTheme } from '@fluentui/react-components';
import type { Locale } from '../ports/meeting-host';
import { da } from '../ui/strings/da';
import { en } from '../ui/strings/en';

/** Shown when the app cannot start (e.g. the browser blocks IndexedDB in private mode). */
export function StartupError({ error, locale }: { error: unknown; locale: Locale }) {
  const t = locale === 'en' ? en : da;
  return (
    <FluentProvider theme={teamsLightTheme}>
      <main style={{ padding: 24 }}>
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.shell.startupFailed}</MessageBarTitle>
            {t.shell.startupFailedBody} ({error instanceof Error ? error.message : String(error)})
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
