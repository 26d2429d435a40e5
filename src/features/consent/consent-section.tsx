import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { getConsentOverview, recordConsent, withdrawConsent, type ConsentOverview } from '../../application/consent';
import { RuleViolationError } from '../../application/errors';
import type { ConsentGrant, Id } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useDepartmentName, useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { ViolationList } from '../../ui/violation-list';
import { ConsentForm } from './consent-form';
import { ConsentHistory } from './consent-history';
import { ConsentFlags } from './consent-flags';
import { statusBadgeColor } from './consent-status';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  intro: { color: tokens.colorNeutralForeground2 },
  details: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

type Outcome = { kind: 'saved' } | { kind: 'withdrawn' } | { kind: 'refused'; error: RuleViolationError } | { kind: 'failed'; error: unknown };

/**
 * Samtykke on the pathway page (rule 8): the consent at a glance (scope as department chips,
 * the sector plans it replaces, given/how/by, review date, status), the reminder 30 days
 * before review, what it no longer covers, the actions to register, renew or withdraw it,
 * and its history. Rendered into the pathway screen by src/app (features do not import each other).
 */
export function ConsentSection({ pathwayId }: { pathwayId: Id }) {
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const { services } = useSession();
  const state = useAsync(() => getConsentOverview(services, pathwayId), [pathwayId]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="consent">
      <div className={styles.head}>
        <Title3 as="h2" id={headingId}>
          {t.consent.heading}
        </Title3>
        {state.data ? (
          <Badge
            appearance="filled"
            color={statusBadgeColor(state.data.state.status)}
            data-testid="consent-status"
          >
            {`${t.consent.statusLabel}: ${t.consent.status[state.data.state.status]}`}
          </Badge>
        ) : null}
      </div>
      <Text className={styles.intro}>{t.consent.intro}</Text>
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.reload} /> : null}
      {!state.data && state.status === 'loading' ? <LoadingState /> : null}
      <div role="status" aria-live="polite">
        {outcome?.kind === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t.consent.saved}</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome?.kind === 'withdrawn' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t.consent.withdrawnDone}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {outcome?.kind === 'refused' ? <ViolationList title={t.consent.heading} violations={outcome.error.violations} /> : null}
      {outcome?.kind === 'failed' ? <ErrorState error={outcome.error} /> : null}
      {state.data ? (
        <ConsentBody
          data={state.data}
          onChanged={(o) => {
            setOutcome(o);
            state.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function ConsentBody({ data, onChanged }: { data: ConsentOverview; onChanged: (o: Outcome) => void }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const { services, departments } = useSession();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<string>('');
  const { consent, state, reminder } = data;
  const nameOf = (id: Id) => data.names[id] ?? id;
  const withdrawnDepartments = new Set(consent?.withdrawals.map((w) => w.departmentId) ?? []);
  const covered = state.status === 'valid' ? state.coveredDepartmentIds : [];

  async function run(work: () => Promise<unknown>, done: Outcome) {
    setBusy(true);
    try {
      await work();
      setEditing(false);
      onChanged(done);
    } catch (error: unknown) {
      onChanged(error instanceof RuleViolationError ? { kind: 'refused', error } : { kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  }

  const save = (grant: ConsentGrant) => void run(() => recordConsent(services, data.pathway.id, grant), { kind: 'saved' });
  const withdraw = () =>
    void run(() => withdrawConsent(services, data.pathway.id, target === '' ? null : target), { kind: 'withdrawn' });
  const targetLabel = target === '' ? t.consent.withdrawWhole : departmentName(target);

  return (
    <>
      {state.status === 'missing' ? (
        <MessageBar intent="warning" data-testid="consent-state-message">
          <MessageBarBody>{t.consent.missing}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.status === 'expired' ? (
        <MessageBar intent="error" data-testid="consent-state-message">
          <MessageBarBody>{t.consent.expired(fmt.date(state.consent.reviewDate))}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.status === 'withdrawn' ? (
        <MessageBar intent="error" data-testid="consent-state-message">
          <MessageBarBody>{t.consent.withdrawn(fmt.date(state.withdrawnOn))}</MessageBarBody>
        </MessageBar>
      ) : null}
      {reminder.due ? (
        <MessageBar intent="warning" data-testid="consent-reminder">
          <MessageBarBody>{t.consent.reminder(fmt.date(reminder.reviewDate), reminder.daysLeft)}</MessageBarBody>
        </MessageBar>
      ) : null}

      {consent ? (
        <dl className={styles.details}>
          <dt className={styles.term}>{t.consent.scope}</dt>
          <dd className={styles.value}>
            <ul className={styles.chips} data-testid="consent-scope">
              {consent.scope.departmentIds.map((id) => (
                <li key={id}>
                  <Badge
                    appearance={withdrawnDepartments.has(id) ? 'outline' : 'tint'}
                    color={withdrawnDepartments.has(id) ? 'danger' : 'brand'}
                    size="large"
                    data-department-id={id}
                  >
                    {withdrawnDepartments.has(id) ? t.consent.withdrawnChip(departmentName(id)) : departmentName(id)}
                  </Badge>
                </li>
              ))}
            </ul>
          </dd>
          <dt className={styles.term}>{t.consent.replacedPlans}</dt>
          <dd className={styles.value}>
            {consent.scope.replacedPlans.length === 0
              ? t.consent.noReplacedPlans
              : consent.scope.replacedPlans.map((p) => t.consent.replacedPlan[p]).join(', ')}
          </dd>
          <dt className={styles.term}>{t.consent.givenOn}</dt>
          <dd className={styles.value}>{fmt.date(consent.givenOn)}</dd>
          <dt className={styles.term}>{t.consent.how}</dt>
          <dd className={styles.value}>{t.consent.form[consent.form]}</dd>
          <dt className={styles.term}>{t.consent.recordedBy}</dt>
          <dd className={styles.value}>{nameOf(consent.recordedBy)}</dd>
          <dt className={styles.term}>{t.consent.reviewDate}</dt>
          <dd className={styles.value}>{fmt.date(consent.reviewDate)}</dd>
        </dl>
      ) : null}

      <ConsentFlags data={data} />

      {editing ? (
        <ConsentForm
          current={consent}
          departments={departments}
          today={data.today}
          busy={busy}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className={styles.actions}>
          <Button appearance={consent ? 'secondary' : 'primary'} onClick={() => setEditing(true)}>
            {consent ? t.consent.renew : t.consent.register}
          </Button>
          {state.status === 'valid' ? (
            <>
              <Field label={t.consent.withdrawFor}>
                <Select value={target} onChange={(_, d) => setTarget(d.value)}>
                  <option value="">{t.consent.withdrawWhole}</option>
                  {covered.map((id) => (
                    <option key={id} value={id}>
                      {departmentName(id)}
                    </option>
                  ))}
                </Select>
              </Field>
              <ConfirmDialog
                trigger={<Button disabled={busy}>{t.consent.withdraw}</Button>}
                title={t.consent.withdrawTitle}
                body={t.consent.withdrawBody(targetLabel)}
                confirmLabel={t.consent.withdraw}
                onConfirm={withdraw}
              />
            </>
          ) : null}
        </div>
      )}

      <ConsentHistory history={data.history} nameOf={nameOf} />
    </>
  );
}
