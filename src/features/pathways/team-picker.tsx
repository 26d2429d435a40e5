import { Button, Field, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Person } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName, useSession } from '../../ui/services-context';
import { ErrorState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexDirection: 'column' },
  detail: { color: tokens.colorNeutralForeground2 },
});

/** Finds staff in the directory and adds them to the team (one "Tilføj" button per person). */
export function TeamPicker({ teamIds, onAdd }: { teamIds: ReadonlySet<string>; onAdd: (person: Person) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { services } = useSession();
  const departmentName = useDepartmentName();
  const resultsId = useId();
  const [query, setQuery] = useState('');
  const q = query.trim();
  const found = useAsync(async () => (q === '' ? [] : services.directory.search(q)), [q]);
  const people = q !== '' && found.status === 'ready' ? found.data : null;

  return (
    <div className={styles.root}>
      <Field label={t.pathways.findStaff} hint={t.pathways.findStaffHint}>
        <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} aria-controls={resultsId} />
      </Field>
      <div id={resultsId}>
        {found.status === 'error' ? <ErrorState error={found.error} onRetry={found.reload} /> : null}
        {people && people.length === 0 ? <Text role="status">{t.pathways.noStaffFound}</Text> : null}
        {people && people.length > 0 ? (
          <ul className={styles.list} aria-label={t.pathways.searchResults} data-testid="staff-results">
            {people.map((p) => {
              const inTeam = teamIds.has(p.id);
              return (
                <li key={p.id} className={styles.item}>
                  <span className={styles.who}>
                    <Text weight="semibold">{p.displayName}</Text>
                    <Text size={200} className={styles.detail}>
                      {[p.jobTitle, p.departmentId ? departmentName(p.departmentId) : null].filter(Boolean).join(' · ')}
                    </Text>
                  </span>
                  {/* disabledFocusable: the button keeps focus after adding, so keyboard users are not thrown back to the top. */}
                  <Button
                    size="small"
                    disabledFocusable={inTeam}
                    aria-label={inTeam ? `${p.displayName}: ${t.pathways.alreadyInTeam}` : t.pathways.addPerson(p.displayName)}
                    onClick={() => onAdd(p)}
                  >
                    {inTeam ? t.pathways.alreadyInTeam : t.pathways.add}
                  </Button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
