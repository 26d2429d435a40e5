import { Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ConsentOverview } from '../../application/consent';
import type { Id } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { href } from '../../ui/routes';
import { useDepartmentName } from '../../ui/services-context';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Rule 8: the team members and planned meetings the consent no longer covers, flagged at once. */
export function ConsentFlags({ data }: { data: ConsentOverview }) {
  const { flags } = data;
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const headingId = useId();
  if (flags.length === 0) return null;
  const meetingStart = (id: Id) => data.meetings.find((m) => m.id === id)?.start;
  return (
    <div role="region" aria-labelledby={headingId} data-testid="consent-flags">
      <MessageBar intent="error">
        <MessageBarBody>
          <Text as="h3" weight="semibold" id={headingId} block>
            {t.consent.flagsTitle}
          </Text>
          <ul className={styles.list}>
            {flags.map((f) => {
              if (f.code === 'MEMBER_NOT_COVERED') {
                return (
                  <li key={`m-${f.personId}`} data-person-id={f.personId}>
                    {t.consent.memberFlag(data.names[f.personId] ?? f.personId, departmentName(f.departmentId))}
                  </li>
                );
              }
              const start = meetingStart(f.meetingId);
              const when = start ? fmt.dateTime(start) : f.meetingId;
              return (
                <li key={`mt-${f.meetingId}`} data-meeting-id={f.meetingId}>
                  {f.reason === 'DEPARTMENT_OUTSIDE_CONSENT'
                    ? t.consent.meetingFlag(when, f.departmentIds.map(departmentName).join(', '))
                    : t.consent.meetingFlagWhole(when)}{' '}
                  <Link href={href.meeting(f.meetingId)}>{t.consent.openMeeting}</Link>
                </li>
              );
            })}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
