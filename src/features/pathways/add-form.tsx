import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../ui/i18n';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '720px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  toggle: { alignSelf: 'flex-start' },
});

/**
 * A disclosure button that opens a small add form. Focus moves into the form when it opens and
 * back to the button when it closes, so keyboard users keep their place.
 */
export function AddForm({
  label,
  testId,
  onSubmit,
  onReset,
  children,
}: {
  label: string;
  testId: string;
  /** Resolves true when the item was added (the form then closes). */
  onSubmit: () => Promise<boolean>;
  onReset: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      toggleRef.current?.focus();
    }
  }, [open]);

  const close = () => {
    returnFocus.current = true;
    onReset();
    setOpen(false);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      if (await onSubmit()) close();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button ref={toggleRef} className={styles.toggle} aria-expanded={open} aria-controls={formId} onClick={() => (open ? close() : setOpen(true))}>
        {label}
      </Button>
      {open ? (
        <form id={formId} ref={formRef} className={styles.form} onSubmit={(e) => void submit(e)} noValidate data-testid={testId}>
          {children}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={busy}>
              {t.common.save}
            </Button>
            <Button onClick={close} disabled={busy}>
              {t.common.cancel}
            </Button>
            {busy ? <Spinner size="tiny" label={t.common.saving} role="status" /> : null}
          </div>
        </form>
      ) : null}
    </>
  );
}
