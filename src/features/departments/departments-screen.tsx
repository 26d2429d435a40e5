import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { pathwaysUsingDepartment, directoryNamesOf, type Department, type Pathway } from '../../domain';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { href } from '../../ui/routes';
import { useApplyDepartments, useSession } from '../../ui/services-context';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { applyDraft, departmentFromDraft, type DepartmentDraft, type DraftError } from './department-draft';
import { DepartmentForm } from './department-form';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  pathways: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  // On the warning bar's tinted background the brand link colour misses 4.5:1 in the dark
  // theme (axe); the text colour, underlined, stays a recognisable link in every theme.
  barLink: { color: tokens.colorNeutralForeground1, textDecorationLine: 'underline', ':hover': { color: tokens.colorNeutralForeground1 } },
});

const danish = new Intl.Collator('da');

interface Loaded {
  departments: Department[];
  pathways: Pathway[];
}

/** Which form is open: none, a new department, or an edit of one. */
type Editing = null | { department: Department | null; errors: DraftError[] };

/**
 * "Afdelinger og ledere" (an administrator's screen, PRODUCT.md "administrator: sets up
 * departments"): the municipality's departments with their area, the Entra ID department texts
 * that place staff in them and their leaders. Adds, edits and removes them; the store keeps the
 * departments as one set (`PlanStore.saveDepartments`), and a saved set is put into effect in the
 * running app (who leads, who belongs where) through the session.
 */
export function DepartmentsScreen() {
  const { t } = useI18n();
  const s = t.departments;
  const styles = useStyles();
  const { services } = useSession();
  const applyDepartments = useApplyDepartments();
  const addButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [done, setDone] = useState<{ message: string; reload: boolean } | null>(null);
  const [blocked, setBlocked] = useState<{ department: Department; pathways: Pathway[] } | null>(null);

  const state = useAsync<Loaded>(async () => {
    const [departments, pathways] = await Promise.all([services.store.listDepartments(), services.store.listPathways()]);
    return { departments: [...departments].sort((a, b) => danish.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)), pathways };
  }, []);
  const departments = state.data?.departments ?? [];
  const nameOf = (id: string) => departments.find((d) => d.id === id)?.name ?? id;

  const save = async (next: Department[], message: string): Promise<boolean> => {
    setSaving(true);
    setSaveError(null);
    setDone(null);
    try {
      await services.store.saveDepartments(next);
      const applied = await applyDepartments(next);
      setDone({ message, reload: !applied });
      state.reload();
      return true;
    } catch (error) {
      setSaveError(error);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const submit = async (draft: DepartmentDraft) => {
    if (editing === null) return;
    const department = departmentFromDraft(editing.department?.id ?? services.ids.newId(), draft);
    const result = applyDraft(departments, department);
    if (!result.ok) {
      setEditing({ ...editing, errors: result.errors });
      return;
    }
    if (await save(result.departments, s.saved(department.name))) {
      setEditing(null);
      addButton.current?.focus();
    }
  };

  const open = (department: Department | null) => {
    setDone(null);
    setBlocked(null);
    setSaveError(null);
    setEditing({ department, errors: [] });
  };

  const addAction = (
    <Button appearance="primary" ref={addButton} onClick={() => open(null)} disabled={state.data === null}>
      {s.addButton}
    </Button>
  );

  return (
    <Page title={s.title} actions={addAction}>
      <Text as="p">{s.intro}</Text>
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'loading' && state.data === null ? <LoadingState label={s.loading} /> : null}
      {saving ? <LoadingState label={s.saving} /> : null}
      {saveError !== null ? <ErrorState error={saveError} /> : null}
      {done !== null ? (
        <MessageBar intent="success" role="status" data-testid="departments-saved">
          <MessageBarBody>
            {done.message}
            {done.reload ? ` ${s.savedReload}` : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {blocked !== null ? (
        <MessageBar intent="warning" role="alert" layout="multiline" data-testid="department-in-use">
          <MessageBarBody>
            <MessageBarTitle>{s.removeBlockedTitle(blocked.department.name)}</MessageBarTitle>
            {s.removeBlockedBody(blocked.pathways.length)}
            <ul className={styles.pathways} aria-label={s.removeBlockedPathways}>
              {blocked.pathways.map((p) => (
                <li key={p.id}>
                  <Link inline className={styles.barLink} href={href.pathway(p.id)}>
                    {s.pathwayLabel(p.citizen.initials, p.citizen.caseRef)}
                  </Link>
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setBlocked(null)}>{t.common.close}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {state.data !== null ? (
        departments.length === 0 ? (
          <EmptyState title={s.emptyTitle}>{s.emptyBody}</EmptyState>
        ) : (
          <>
            <Text role="status" aria-live="polite">
              {s.count(departments.length)}
            </Text>
            <Table aria-label={s.tableLabel} data-testid="department-list">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{s.colName}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.colArea}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.colDirectoryNames}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.colLeaders}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.colActions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {departments.map((d) => {
                  const leaders = d.leaders ?? [];
                  const usedBy = pathwaysUsingDepartment(state.data?.pathways ?? [], d.id);
                  return (
                    <TableRow key={d.id} data-department-id={d.id}>
                      <TableCell>
                        <Text weight="semibold">{d.name}</Text>
                      </TableCell>
                      <TableCell>{t.departmentArea[d.area]}</TableCell>
                      <TableCell>{directoryNamesOf(d).join(', ')}</TableCell>
                      <TableCell>
                        {leaders.length === 0 ? <span className={styles.muted}>{s.noLeaders}</span> : leaders.map((l) => l.displayName).join(', ')}
                      </TableCell>
                      <TableCell>
                        <span className={styles.actions}>
                          <Button size="small" aria-label={s.edit(d.name)} disabled={saving} onClick={() => open(d)}>
                            {s.editShort}
                          </Button>
                          {usedBy.length > 0 ? (
                            // Not disabled: the press explains why it cannot be removed, and which pathways use it.
                            <Button
                              size="small"
                              aria-label={s.remove(d.name)}
                              disabled={saving}
                              onClick={() => {
                                setEditing(null);
                                setDone(null);
                                setBlocked({ department: d, pathways: usedBy });
                              }}
                            >
                              {s.removeShort}
                            </Button>
                          ) : (
                            <ConfirmDialog
                              trigger={
                                <Button size="small" aria-label={s.remove(d.name)} disabled={saving}>
                                  {s.removeShort}
                                </Button>
                              }
                              title={s.removeConfirmTitle(d.name)}
                              body={s.removeConfirmBody}
                              confirmLabel={s.removeConfirmButton}
                              onConfirm={() => {
                                setEditing(null);
                                setBlocked(null);
                                void save(
                                  departments.filter((x) => x.id !== d.id),
                                  s.removed(d.name),
                                ).then(() => addButton.current?.focus());
                              }}
                            />
                          )}
                        </span>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </>
        )
      ) : null}
      {editing !== null ? (
        <DepartmentForm
          key={editing.department?.id ?? 'new'}
          department={editing.department}
          errors={editing.errors}
          busy={saving}
          departmentName={nameOf}
          onSubmit={(draft) => void submit(draft)}
          onCancel={() => {
            setEditing(null);
            addButton.current?.focus();
          }}
        />
      ) : null}
    </Page>
  );
}
