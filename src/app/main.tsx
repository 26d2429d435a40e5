import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CryptoIds } from '../adapters/local/crypto-ids';
import { HELHED_DB_NAME } from '../adapters/local/db';
import { SystemClock } from '../adapters/local/system-clock';
import { DEMO_STAFF } from '../demo/demo-data';
import { openLocalDemo } from '../demo/local-demo';
import { StandaloneHost } from '../host/standalone/standalone-host';
import { withDepartmentLeadership, type Department } from '../domain';
import type { Services } from '../ports/services';
import type { Session } from '../ui/services-context';
import { App, type DemoControls } from './app';
import { StartupError } from './startup-error';

/**
 * Composition root of standalone mode: the embedded store with demo data, the standalone host.
 * (Teams mode, with Microsoft Graph behind the same ports, is a later issue.)
 */
async function start(rootElement: HTMLElement): Promise<void> {
  const root = createRoot(rootElement);
  const host = new StandaloneHost(window);
  const context = await host.initialize();
  try {
    // `vite build --mode e2e` only (a production build drops this branch): ?e2e=graph composes
    // Graph behind the outbox and Live Share on a local Fluid service (./e2e-composition.ts).
    if (import.meta.env.MODE === 'e2e') {
      const e2e = await import('./e2e-composition');
      const params = e2e.e2eParams(new URL(window.location.href));
      if (params !== null) {
        const session = await e2e.composeE2eSession(params);
        root.render(
          <StrictMode>
            <App host={host} session={session} demo={null} />
          </StrictMode>,
        );
        return;
      }
    }
    const clock = new SystemClock();
    const ids = new CryptoIds();
    const demo = await openLocalDemo({ clock, ids });
    const services: Services = {
      store: demo.store,
      calendar: demo.calendar,
      directory: demo.directory,
      channel: demo.channel,
      notifier: demo.notifier,
      clock,
      ids,
    };
    // Who leads what follows the stored departments, as in Teams mode (an administrator changes it
    // on "Afdelinger og ledere"); departments without leaders keep the demo staff's own.
    const meIn = async (departments: Department[]) => withDepartmentLeadership(await demo.directory.me(), departments);
    const recompose = async (departments: Department[]): Promise<Session> => ({ services, me: await meIn(departments), departments, recompose });
    const session = await recompose(await demo.store.listDepartments());
    const controls: DemoControls = {
      staff: DEMO_STAFF,
      setCurrentUser: async (id) => {
        await demo.directory.setCurrentUser(id);
        return meIn(await demo.store.listDepartments());
      },
      reset: async () => {
        demo.db.close();
        await indexedDB.deleteDatabase(HELHED_DB_NAME);
      },
    };
    root.render(
      <StrictMode>
        <App host={host} session={session} demo={controls} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(<StartupError error={error} locale={context.locale} />);
    throw error;
  }
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
void start(rootElement);
