import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { neutralBody, neutralSubject } from '../../src/domain/rules/sensitive-data';
import { encodeCustomProperties, sendGuardPayloadFor } from '../../src/domain/send-guard-payload';
import { installFakeOffice, type FakeAppointment } from '../support/fake-office';

/** The preview server of playwright.config.ts. */
const appOrigin = `http://localhost:${process.env.HELHED_E2E_PORT ?? 4173}`;

// Issue 7, proved in a browser: the BUILT handler page (dist/outlook/commands.html, built by
// vite.outlook.config.ts) loads office.js from Microsoft's CDN; that request is answered here with
// the Office.js fake (tests/support/fake-office.ts), and the send event goes to the function the
// bundle associated with the manifest's action id. Any other request off the preview server fails
// the test: the handler never waits on the network.

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CITIZEN = 'borger.ab@example.dk';
const TEAM = [
  { personId: 'p-social', email: 'sagsbehandler@kommune.dk' },
  { personId: 'p-health', email: 'sygeplejerske@kommune.dk' },
];

function bookedMeeting(overrides: Partial<FakeAppointment> = {}): FakeAppointment {
  const encoded = encodeCustomProperties(sendGuardPayloadFor({ mode: 'email', email: CITIZEN }, TEAM));
  if (!encoded.ok) throw new Error('payload too large');
  return {
    displayLanguage: 'da-DK',
    cecp: encoded.value,
    requiredAttendees: [CITIZEN, ...TEAM.map((m) => m.email)],
    optionalAttendees: [],
    subject: neutralSubject({ initials: 'AB' }),
    location: 'Microsoft Teams-møde',
    body: neutralBody(),
    fail: [],
    ...overrides,
  };
}

interface Outcome {
  options: { allowEvent?: boolean; errorMessage?: string };
  offServer: string[];
}

async function sendFromOutlook(page: Page, appointment: FakeAppointment): Promise<Outcome> {
  const offServer: string[] = [];
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `(${installFakeOffice.toString()})(${JSON.stringify(appointment)});`,
    }),
  );
  await page.route(
    (url) => url.origin !== appOrigin && url.href !== OFFICE_JS,
    (route) => {
      offServer.push(route.request().url());
      return route.abort();
    },
  );
  const response = await page.goto('/outlook/commands.html');
  expect(response?.status()).toBe(200);
  const options = await page.evaluate(
    () =>
      new Promise<Outcome['options']>((resolve, reject) => {
        const handler = globalThis.helhedFakeOffice?.actions.onAppointmentSendHandler;
        if (!handler) {
          reject(new Error('the bundle did not associate onAppointmentSendHandler'));
          return;
        }
        handler({ completed: (options?: Outcome['options']) => resolve(options ?? {}) });
      }),
  );
  return { options, offServer };
}

test.describe('Outlook send guard, built bundle in a browser', () => {
  test('lets a clean invitation through, with no request off the server', async ({ page }) => {
    const { options, offServer } = await sendFromOutlook(page, bookedMeeting());
    expect(options).toEqual({ allowEvent: true });
    expect(offServer).toEqual([]);
  });

  test('never touches an appointment that is not a Helhed team meeting', async ({ page }) => {
    const { options } = await sendFromOutlook(page, bookedMeeting({ cecp: null, subject: 'Frokost 010190-1234' }));
    expect(options).toEqual({ allowEvent: true });
    const calls = await page.evaluate(() => globalThis.helhedFakeOffice?.calls);
    expect(calls).toEqual(['loadCustomPropertiesAsync']);
  });

  test('[R1] blocks when the citizen was removed', async ({ page }) => {
    const { options } = await sendFromOutlook(page, bookedMeeting({ requiredAttendees: TEAM.map((m) => m.email) }));
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain('Borgeren er fjernet. Tilføj borger.ab@example.dk som deltager igen');
  });

  test('[R2] blocks when a member was made optional', async ({ page }) => {
    const { options } = await sendFromOutlook(
      page,
      bookedMeeting({ requiredAttendees: [CITIZEN, 'sagsbehandler@kommune.dk'], optionalAttendees: ['sygeplejerske@kommune.dk'] }),
    );
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain('Mødepligt: sygeplejerske@kommune.dk skal være påkrævet deltager.');
  });

  test('[R4] blocks a CPR number in the subject', async ({ page }) => {
    const { options } = await sendFromOutlook(page, bookedMeeting({ subject: 'Teammøde 010190-1234' }));
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: Invitationen til teammødet er ikke sendt. Emnet indeholder et CPR-nummer. Fjern det; brug kun sagsreference eller initialer.',
    });
  });

  test('[R4] blocks a CPR number in the body, in English for an English mailbox', async ({ page }) => {
    const { options } = await sendFromOutlook(page, bookedMeeting({ displayLanguage: 'en-GB', body: `${neutralBody()} 0101901234` }));
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: The team meeting invitation was not sent. The body contains a CPR number. Remove it; use only the case reference or initials.',
    });
  });

  test('blocks with a message when Office.js reports a failure', async ({ page }) => {
    const { options } = await sendFromOutlook(page, bookedMeeting({ fail: ['requiredAttendees.getAsync'] }));
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: Invitationen til teammødet er ikke sendt. Helhed kunne ikke læse de påkrævede deltagere i invitationen. Prøv at sende igen; sker det igen, så kontakt IT-supporten.',
    });
  });

  test('is one classic script without async/await or module syntax (classic Outlook runs ES2016 only)', async () => {
    const js = await readFile(new URL('../../dist/outlook/commands.js', import.meta.url), 'utf8');
    expect(js).not.toMatch(/\basync\s*(?:function\b|\(|[\w$]+\s*=>)/);
    expect(js).not.toMatch(/\bawait\s/);
    expect(js).not.toMatch(/(?:^|[;}\n])\s*(?:import|export)\s*[{*\w]/);
    expect(js).toContain('onAppointmentSendHandler');
  });
});
