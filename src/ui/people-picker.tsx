import { Button, Field, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Person } from '../domain/model';
import { useDepartmentName, useSession } from './services-context';
import { ErrorState } from './states';
import { useAsync } from './use-async';

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

/** The words of one use of the picker (a team member, a department's leader, ...). */
export interface PeoplePickerLabels {
  /** The search field's label and hint. */
  find: string;
  hint: string;
  /** The list of results (for screen readers). */
  results: string;
  noneFound: string;
  /** The button text, and its accessible name with the person's name. */
  add: string;
  addPerson: (name: string) => string;
  /** Shown instead of "add" for someone already chosen. */
  alreadyChosen: string;
}

/**
 * Finds staff in the directory (`Directory.search`) and offers each with an "add" button; those
 * in `chosenIds` are shown as chosen. Shared by the team (src/features/pathways) and the
 * departments' leaders (src/features/departments), which only differ in their words.
 */
export function PeoplePicker({
  chosenIds,
  onAdd,
  labels,
  resultsTestId = 'staff-results',
}: {
  chosenIds: ReadonlySet<string>;
  onAdd: (person: Person) => void;
  labels: PeoplePickerLabels;
  resultsTestId?: string;
}) {
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
      <Field label={labels.find} hint={labels.hint}>
        <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} aria-controls={resultsId} />
      </Field>
      <div id={resultsId}>
        {found.status === 'error' ? <ErrorState error={found.error} onRetry={found.reload} /> : null}
        {people && people.length === 0 ? <Text role="status">{labels.noneFound}</Text> : null}
        {people && people.length > 0 ? (
          <ul className={styles.list} aria-label={labels.results} data-testid={resultsTestId}>
            {people.map((p) => {
              const chosen = chosenIds.has(p.id);
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
                    disabledFocusable={chosen}
                    aria-label={chosen ? `${p.displayName}: ${labels.alreadyChosen}` : labels.addPerson(p.displayName)}
                    onClick={() => onAdd(p)}
                  >
                    {chosen ? labels.alreadyChosen : labels.add}
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
