import { Field, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Pathway } from '../../domain/model';
import type { TabConfig } from '../../ports/meeting-host';
import { useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { href } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import { ErrorState, LoadingState } from '../../ui/states';

/**
 * The configurable tab's configuration page: pick the pathway the tab (in a channel, a chat or
 * a meeting) shows. The host's own Save button stores the choice; `onChange` reports it.
 */
export function TabConfigScreen({ onChange }: { onChange: (config: TabConfig | null) => void }) {
  const { t } = useI18n();
  const { services } = useSession();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ready'; pathways: Pathway[] } | { status: 'error'; error: unknown }>({
    status: 'loading',
  });
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    let live = true;
    services.store.listPathways().then(
      (all) => live && setState({ status: 'ready', pathways: all.filter((p) => p.status === 'active') }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [services]);

  return (
    <Page title={t.teams.configTitle}>
      <p>{t.teams.configIntro}</p>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} /> : null}
      {state.status === 'ready' ? (
        <Field label={t.teams.configPathway} required>
          <Select
            value={chosen}
            onChange={(_, d) => {
              setChosen(d.value);
              const pathway = state.pathways.find((p) => p.id === d.value);
              onChange(
                pathway
                  ? { entityId: pathway.id, route: href.pathway(pathway.id), displayName: `Helhed: ${pathway.citizen.initials}` }
                  : null,
              );
            }}
          >
            <option value="">{t.teams.configChoose}</option>
            {state.pathways.map((p) => (
              <option key={p.id} value={p.id}>
                {p.citizen.displayName} ({p.citizen.caseRef})
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </Page>
  );
}
