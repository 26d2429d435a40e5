import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Violation } from '../domain/result';
import { useStrings } from './i18n';
import type { Strings } from './strings/da';

const useStyles = makeStyles({ list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/** The Danish/English text of a rule violation (STYLE.md statement 5: the UI maps codes). */
export function violationText(v: Violation, t: Strings, nameOf: (personId: string) => string = (id) => id): string {
  switch (v.code) {
    case 'MEMBER_NOT_REQUIRED':
      return t.violation.MEMBER_NOT_REQUIRED(v.personIds.map(nameOf).join(', '));
    case 'DEPARTMENT_OUTSIDE_CONSENT':
      return t.violation.DEPARTMENT_OUTSIDE_CONSENT(v.personIds.map(nameOf).join(', '));
    case 'SENSITIVE_DATA_IN_CALENDAR':
      return t.violation.SENSITIVE_DATA_IN_CALENDAR(
        t.calendarField[v.field],
        v.kinds.map((k) => t.sensitiveKind[k]).join(', '),
      );
    default:
      return t.violation[v.code];
  }
}

/** Rule violations as an alert: what is wrong and how to fix it. */
export function ViolationList({
  title,
  violations,
  nameOf,
}: {
  title: string;
  violations: readonly Violation[];
  nameOf?: (personId: string) => string;
}) {
  const t = useStrings();
  const styles = useStyles();
  if (violations.length === 0) return null;
  return (
    <div className={styles.list} role="alert" data-testid="violations">
      {violations.map((v, i) => (
        <MessageBar key={`${v.code}-${i}`} intent="error" data-code={v.code}>
          <MessageBarBody>
            {i === 0 ? <MessageBarTitle>{title}</MessageBarTitle> : null}
            {violationText(v, t, nameOf)}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
