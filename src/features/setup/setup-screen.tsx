import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { SetupError, type PlanStoreSetup, type SetupProblem, type SetupStatus } from '../../ports/plan-store-setup';
import { useStrings } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { LoadingState } from '../../ui/states';
import type { Strings } from '../../ui/strings/da';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type State =
  | { step: 'checking' }
  | { step: 'inspected'; status: SetupStatus; result: { created: string[] } | null }
  | { step: 'provisioning'; status: SetupStatus | null }
  | { step: 'error'; error: unknown; status: SetupStatus | null };

function problemOf(error: unknown): SetupProblem {
  // Checked by name as well: the port's class may come from another chunk.
  if (error instanceof SetupError) return error.problem;
  if (error instanceof Error && error.name === 'SetupError' && 'problem' in error) return (error as SetupError).problem;
  return 'other';
}

function explain(t: Strings, error: unknown): string {
  const problem = problemOf(error);
  return t.setup[problem];
}

/**
 * The setup of the plan store (an administrator's screen): shows which lists and columns exist
 * in the configured site and which are missing, creates what is missing on request (idempotent:
 * a second run changes nothing and says so), and explains failures (403: the app has no access
 * to the site). `onReady` is offered once everything is in place.
 */
export function SetupScreen({ setup, onReady }: { setup: PlanStoreSetup; onReady?: () => void }) {
  const t = useStrings();
  const styles = useStyles();
  const [state, setState] = useState<State>({ step: 'checking' });

  const inspect = useCallback(async () => {
    setState({ step: 'checking' });
    try {
      setState({ step: 'inspected', status: await setup.inspect(), result: null });
    } catch (error) {
      setState({ step: 'error', error, status: null });
    }
  }, [setup]);

  useEffect(() => {
    // Reading the site on mount is the external system this effect synchronises with.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void inspect();
  }, [inspect]);

  const provision = async (status: SetupStatus | null) => {
    setState({ step: 'provisioning', status });
    try {
      const result = await setup.provision();
      setState({ step: 'inspected', status: result.status, result: { created: result.created } });
    } catch (error) {
      setState({ step: 'error', error, status });
    }
  };

  const status = state.step === 'checking' ? null : state.status;
  const anythingExists = status?.containers.some((c) => c.exists) ?? false;

  return (
    <Page title={t.setup.title}>
      <p>{t.setup.intro}</p>
      {state.step === 'checking' ? <LoadingState label={t.setup.checking} /> : null}
      {status ? <StatusList status={status} className={styles.list} /> : null}
      {state.step === 'inspected' && state.result === null && state.status.ready ? (
        <MessageBar intent="success" role="status" data-testid="setup-all-ready">
          <MessageBarBody>{t.setup.allReady}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.step === 'inspected' && state.result !== null ? (
        <MessageBar intent="success" role="status" data-testid="setup-result">
          <MessageBarBody>
            {state.result.created.length === 0 ? (
              t.setup.nothingChanged
            ) : (
              <>
                <MessageBarTitle>{t.setup.created(state.result.created.length)}</MessageBarTitle>
                <ul className={styles.list}>
                  {state.result.created.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.step === 'provisioning' ? <LoadingState label={t.setup.provisioning} /> : null}
      {state.step === 'error' ? (
        <MessageBar intent="error" role="alert" layout="multiline" data-testid="setup-error" data-problem={problemOf(state.error)}>
          <MessageBarBody>
            <MessageBarTitle>{t.setup.errorTitle}</MessageBarTitle>
            {explain(t, state.error)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void (state.status === null ? inspect() : provision(state.status))}>{t.common.retry}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {state.step === 'inspected' ? (
        <div className={styles.actions}>
          <Button appearance={state.status.ready ? 'secondary' : 'primary'} onClick={() => void provision(state.status)}>
            {anythingExists ? t.setup.updateButton : t.setup.createButton}
          </Button>
          {state.status.ready && onReady ? (
            <Button appearance="primary" onClick={onReady}>
              {t.setup.continueButton}
            </Button>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}

function StatusList({ status, className }: { status: SetupStatus; className: string }) {
  const t = useStrings();
  return (
    <section aria-labelledby="setup-lists">
      <h2 id="setup-lists">{t.setup.listsHeading}</h2>
      <ul className={className} data-testid="setup-lists">
        {status.containers.map((c) => {
          const complete = c.missingFields.length === 0 && c.unindexedFields.length === 0;
          const gaps = [
            ...(c.missingFields.length > 0 ? [t.setup.missingColumns(c.missingFields.join(', '))] : []),
            ...(c.unindexedFields.length > 0 ? [t.setup.missingIndexes(c.unindexedFields.join(', '))] : []),
          ];
          return (
            <li key={c.name} data-list={c.name} data-state={!c.exists ? 'missing' : complete ? 'ready' : 'incomplete'}>
              <strong>{c.name}</strong>: {!c.exists ? t.setup.listMissing : complete ? t.setup.listReady : gaps.join('. ')}
            </li>
          );
        })}
        <li data-list="auditKey" data-state={status.auditKeyPresent ? 'ready' : 'missing'}>
          {status.auditKeyPresent ? t.setup.auditKeyReady : t.setup.auditKeyMissing}
        </li>
      </ul>
    </section>
  );
}
