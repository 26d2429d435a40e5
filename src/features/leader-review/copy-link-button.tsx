import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LinkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useI18n } from '../../ui/i18n';
import { useShareLink } from '../../ui/share-link';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  copied: { color: tokens.colorStatusSuccessForeground1 },
  manual: { minWidth: 'min(100%, 24rem)' },
});

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; link: string };

/**
 * "Kopiér link": the current view as a link someone else can open. In Teams it is a deep link
 * to the personal tab "Ledelse" carrying the view in its subEntityId (src/app/teams-app.tsx);
 * standalone it is this page's address. Where the clipboard is refused (some hosts' iframes),
 * the link is shown selected in a field to copy by hand: a failure is never silent.
 */
export function CopyLinkButton({ route }: { route: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const build = useShareLink();
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const copy = async () => {
    const link = build(route);
    try {
      await navigator.clipboard.writeText(link);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'failed', link });
    }
  };
  return (
    <div className={styles.root}>
      <Button icon={<LinkRegular />} onClick={() => void copy()} data-testid="leader-copy-link">
        {t.leader.copyLink}
      </Button>
      <span role="status">{state.kind === 'copied' ? <Text className={styles.copied}>{t.leader.linkCopied}</Text> : null}</span>
      {state.kind === 'failed' ? (
        <Field label={t.leader.linkLabel} hint={t.leader.copyFailed} className={styles.manual}>
          <Input readOnly value={state.link} onFocus={(e) => e.currentTarget.select()} autoFocus data-testid="leader-link-field" />
        </Field>
      ) : null}
    </div>
  );
}
