import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { getConsentOverview } from '../../application/consent';
import type { Id } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName, useSession } from '../../ui/services-context';
import { ErrorState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * Rule 8 before the coordinator picks a time: when the consent does not hold, or no longer
 * covers a team member, say so at once, with the planned meetings it no longer covers. The
 * booking itself is refused by the use case either way.
 */
export function ConsentNotice({ pathwayId }: { pathwayId: Id }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const { services } = useSession();
  const state = useAsync(() => getConsentOverview(services, pathwayId), [pathwayId]);
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={state.reload} />;
  const data = state.data;
  if (!data) return null;
  const validity =
    data.state.status === 'missing'
      ? t.violation.CONSENT_MISSING
      : data.state.status === 'expired'
        ? t.violation.CONSENT_EXPIRED
        : data.state.status === 'withdrawn'
          ? t.violation.CONSENT_WITHDRAWN
          : null;
  if (validity === null && data.flags.length === 0) return null;
  const startOf = (id: Id) => data.meetings.find((m) => m.id === id)?.start;
  return (
    <MessageBar intent="error" data-testid="booking-consent-notice">
      <MessageBarBody>
        <MessageBarTitle>{t.consent.flagsTitle}</MessageBarTitle>
        <ul className={styles.list}>
          {validity ? <li>{validity}</li> : null}
          {data.flags.map((f) => {
            if (f.code === 'MEMBER_NOT_COVERED') {
              return (
                <li key={`m-${f.personId}`} data-person-id={f.personId}>
                  {t.consent.memberFlag(data.names[f.personId] ?? f.personId, departmentName(f.departmentId))}
                </li>
              );
            }
            const start = startOf(f.meetingId);
            const when = start ? fmt.dateTime(start) : f.meetingId;
            return (
              <li key={`mt-${f.meetingId}`} data-meeting-id={f.meetingId}>
                {f.reason === 'DEPARTMENT_OUTSIDE_CONSENT'
                  ? t.consent.meetingFlag(when, f.departmentIds.map(departmentName).join(', '))
                  : t.consent.meetingFlagWhole(when)}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
