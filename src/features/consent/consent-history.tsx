import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ConsentEvent, Id } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName } from '../../ui/services-context';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The consent's history, newest first: every event is kept (rule 8), never overwritten. */
export function ConsentHistory({ history, nameOf }: { history: readonly ConsentEvent[]; nameOf: (id: Id) => string }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const headingId = useId();
  const newestFirst = [...history].sort((a, b) => b.version - a.version);
  return (
    <div data-testid="consent-history">
      <Text as="h3" weight="semibold" id={headingId} block>
        {t.consent.historyTitle}
      </Text>
      {newestFirst.length === 0 ? (
        <Text>{t.consent.historyEmpty}</Text>
      ) : (
        <ol className={styles.list} aria-labelledby={headingId}>
          {newestFirst.map((e) => {
            const by = nameOf(e.recordedBy);
            const text =
              e.kind === 'given'
                ? t.consent.event.given(fmt.date(e.grant.givenOn), by)
                : e.kind === 'renewed'
                  ? t.consent.event.renewed(fmt.date(e.grant.givenOn), by)
                  : e.departmentId === null
                    ? t.consent.event.withdrawnWhole(fmt.date(e.withdrawnOn), by)
                    : t.consent.event.withdrawnDepartment(departmentName(e.departmentId), fmt.date(e.withdrawnOn), by);
            return (
              <li key={e.version} data-kind={e.kind}>
                {text}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
