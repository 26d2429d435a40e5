import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_SEND_ACTION_ID } from '../../../src/outlook/manifest-ids';

// The manifest's Outlook extension points at what the Outlook build (vite.outlook.config.ts)
// puts on the static host: dist/outlook/commands.html and dist/outlook/commands.js. Schema
// validation itself is `npm run package` (scripts/package-app.mjs, @microsoft/app-manifest).
const manifestUrl = new URL('../../../manifest/manifest.json', import.meta.url);
const commandsHtmlUrl = new URL('../../../src/outlook/commands.html', import.meta.url);

interface Extension {
  requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
  runtimes: { id: string; type: string; lifetime: string; code: { page: string; script: string }; actions: { id: string; type: string }[] }[];
  autoRunEvents: { events: { type: string; actionId: string; options?: { sendMode?: string } }[] }[];
}

async function manifest(): Promise<{ extensions: Extension[]; authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } } }> {
  return JSON.parse(await readFile(manifestUrl, 'utf8'));
}

describe('the Outlook extension in manifest/manifest.json', () => {
  it('runs the send guard on appointmentSending (OnAppointmentSend), soft block, Mailbox 1.12', async () => {
    const [extension] = (await manifest()).extensions;
    expect(extension?.requirements).toEqual({ scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] });
    expect(extension?.autoRunEvents.flatMap((a) => a.events)).toEqual([
      { type: 'appointmentSending', actionId: APPOINTMENT_SEND_ACTION_ID, options: { sendMode: 'softBlock' } },
    ]);
  });

  it('points its runtime at the hosted commands.html (browser runtime) and commands.js (JavaScript-only runtime)', async () => {
    const [runtime] = (await manifest()).extensions[0]?.runtimes ?? [];
    expect(runtime?.type).toBe('general');
    expect(runtime?.lifetime).toBe('short');
    expect(runtime?.code).toEqual({
      page: 'https://${{APP_HOSTNAME}}/outlook/commands.html',
      script: 'https://${{APP_HOSTNAME}}/outlook/commands.js',
    });
    expect(runtime?.actions).toEqual([expect.objectContaining({ id: APPOINTMENT_SEND_ACTION_ID, type: 'executeFunction' })]);
  });

  it('asks for read item, the least permission that reads attendees, body and custom properties', async () => {
    const rsc = (await manifest()).authorization.permissions.resourceSpecific;
    expect(rsc).toContainEqual({ name: 'MailboxItem.Read.User', type: 'Delegated' });
    expect(rsc.map((p) => p.name)).not.toContain('MailboxItem.ReadWrite.User');
  });

  it('loads Office.js from Microsoft CDN and the bundle beside the page, as classic scripts', async () => {
    const html = await readFile(commandsHtmlUrl, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]?.trim());
    expect(scripts).toEqual(['src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"', 'src="./commands.js"']);
  });
});
