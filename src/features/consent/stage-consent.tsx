import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId } from 'react';
import type { Consent, DateOnly } from '../../domain/model';
import { consentState } from '../../domain/rules/consent';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
  },
  heading: { ...typographyStyles.title2, margin: 0 },
  // Large type: the stage is read across a meeting room and by the citizen.
  text: { ...typographyStyles.subtitle1, fontWeight: tokens.fontWeightRegular, margin: 0 },
  list: { ...typographyStyles.title3, margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * What the citizen has agreed to share and with whom, and that they may withdraw it, in plain
 * Danish and large type (rule 8). Pure presentation: the Teams meeting stage renders it too.
 */
export function StageConsent({
  consent,
  citizenName,
  today,
}: {
  consent: Consent | null;
  /** The citizen's first name or display name, as they are addressed on the stage. */
  citizenName: string;
  today: DateOnly;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const headingId = useId();
  const state = consentState(consent, today);
  const s = t.consent.stage;
  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="stage-consent">
      <h2 id={headingId} className={styles.heading}>
        {s.title}
      </h2>
      {state.status === 'missing' ? <p className={styles.text}>{s.missing}</p> : null}
      {state.status === 'expired' ? <p className={styles.text}>{s.expired}</p> : null}
      {state.status === 'withdrawn' ? <p className={styles.text}>{s.withdrawn}</p> : null}
      {state.status === 'valid' ? (
        <>
          <p className={styles.text}>{s.departmentsIntro(citizenName)}</p>
          <ul className={styles.list} data-testid="stage-consent-departments">
            {state.coveredDepartmentIds.map((id) => (
              <li key={id}>{departmentName(id)}</li>
            ))}
          </ul>
          {state.consent.withdrawals.some((w) => w.departmentId !== null) ? (
            <>
              <p className={styles.text}>{s.withdrawnDepartments}</p>
              <ul className={styles.list}>
                {state.consent.withdrawals.flatMap((w) =>
                  w.departmentId === null ? [] : [<li key={w.departmentId}>{departmentName(w.departmentId)}</li>],
                )}
              </ul>
            </>
          ) : null}
          {state.consent.scope.replacedPlans.length > 0 ? (
            <>
              <p className={styles.text}>{s.plansIntro}</p>
              <ul className={styles.list}>
                {state.consent.scope.replacedPlans.map((p) => (
                  <li key={p}>{t.consent.replacedPlan[p]}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className={styles.text}>{s.validUntil(fmt.date(state.consent.reviewDate))}</p>
        </>
      ) : null}
      <p className={styles.text}>
        <strong>{s.mayWithdraw}</strong>
      </p>
    </section>
  );
}
