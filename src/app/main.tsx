import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CryptoIds } from '../adapters/local/crypto-ids';
import { HELHED_DB_NAME } from '../adapters/local/db';
import { SystemClock } from '../adapters/local/system-clock';
import { DEMO_STAFF } from '../demo/demo-data';
import { openLocalDemo } from '../demo/local-demo';
import { StandaloneHost } from '../host/standalone/standalone-host';
import type { Services } from '../ports/services';
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
    const clock = new SystemClock();
    const ids = new CryptoIds();
    const demo = await openLocalDemo({ clock, ids });
    const services: Services = {
      store: demo.store,
      calendar: demo.calendar,
      directory: demo.directory,
      channel: demo.channel,
      clock,
      ids,
    };
    const [me, departments] = await Promise.all([demo.directory.me(), demo.store.listDepartments()]);
    const controls: DemoControls = {
      staff: DEMO_STAFF,
      setCurrentUser: async (id) => {
        await demo.directory.setCurrentUser(id);
        return demo.directory.me();
      },
      reset: async () => {
        demo.db.close();
        await indexedDB.deleteDatabase(HELHED_DB_NAME);
      },
    };
    root.render(
      <StrictMode>
        <App host={host} session={{ services, me, departments }} demo={controls} />
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
