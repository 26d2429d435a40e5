// A fake of the Office.js surface the Outlook send guard uses, built from the documented API
// (https://learn.microsoft.com/javascript/api/outlook/office.appointmentcompose,
// office.asyncresult, office.customproperties, office.actions, office.mailboxevent):
// `Office.context.mailbox.item` with requiredAttendees/optionalAttendees/subject/location/body
// `getAsync` and `loadCustomPropertiesAsync`, each calling back later with an AsyncResult
// { status, value, error, asyncContext, diagnostics }; `Office.actions.associate`;
// `Office.context.displayLanguage`; the `AsyncResultStatus` and `CoercionType` enums.
//
// `installFakeOffice` must stay self-contained (no imports, no outer variables): the browser test
// sends its source as the body of the intercepted office.js request.

/** One appointment in compose mode, as the fake serves it. */
export interface FakeAppointment {
  displayLanguage: string;
  /**
   * The raw `cecp-<add-in id>` property value on the item (a JSON object of custom properties),
   * or null when the item has none. This is what the Graph adapter writes.
   */
  cecp: string | null;
  requiredAttendees: string[];
  optionalAttendees: string[];
  subject: string;
  location: string;
  /** Plain text (served for CoercionType.Text). */
  body: string;
  /** Calls that report `AsyncResultStatus.Failed`. */
  fail: FakeCall[];
}

export type FakeCall =
  | 'loadCustomPropertiesAsync'
  | 'requiredAttendees.getAsync'
  | 'optionalAttendees.getAsync'
  | 'subject.getAsync'
  | 'location.getAsync'
  | 'body.getAsync';

/** What the test reads back: the associated actions and every Office.js call made. */
export interface FakeOfficeControl {
  actions: Record<string, (event: unknown) => void>;
  calls: string[];
}

declare global {
  var helhedFakeOffice: FakeOfficeControl | undefined;
}

/** Defines `globalThis.Office` for one appointment and returns the control object. */
export function installFakeOffice(appointment: FakeAppointment): FakeOfficeControl {
  const control: FakeOfficeControl = { actions: {}, calls: [] };
  const Succeeded = 'succeeded';
  const Failed = 'failed';

  // Office.js calls back asynchronously, never inside the call.
  function answer(call: FakeCall, value: unknown, callback: (result: unknown) => void, asyncContext?: unknown) {
    control.calls.push(call);
    const failed = appointment.fail.indexOf(call) >= 0;
    setTimeout(() => {
      callback(
        failed
          ? {
              status: Failed,
              value: undefined,
              error: { name: 'GenericResponseError', message: `${call} failed (fake)`, code: 9020 },
              asyncContext,
              diagnostics: undefined,
            }
          : { status: Succeeded, value, error: undefined, asyncContext, diagnostics: undefined },
      );
    }, 0);
  }

  // getAsync([options], callback): the callback is always the last argument.
  function getter(call: FakeCall, value: () => unknown) {
    return {
      getAsync(...args: unknown[]) {
        const callback = args[args.length - 1] as (result: unknown) => void;
        answer(call, value(), callback);
      },
    };
  }

  const recipients = (addresses: string[]) =>
    addresses.map((emailAddress) => ({
      emailAddress,
      displayName: emailAddress,
      appointmentResponse: 'none',
      recipientType: 'externalUser',
    }));

  const item = {
    itemType: 'appointment',
    requiredAttendees: getter('requiredAttendees.getAsync', () => recipients(appointment.requiredAttendees)),
    optionalAttendees: getter('optionalAttendees.getAsync', () => recipients(appointment.optionalAttendees)),
    subject: getter('subject.getAsync', () => appointment.subject),
    location: getter('location.getAsync', () => appointment.location),
    body: {
      getAsync(coercionType: string, ...rest: unknown[]) {
        const callback = rest[rest.length - 1] as (result: unknown) => void;
        const text = appointment.body;
        const html = `<html><body><p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p></body></html>`;
        answer('body.getAsync', coercionType === 'text' ? text : html, callback);
      },
    },
    loadCustomPropertiesAsync(callback: (result: unknown) => void, userContext?: unknown) {
      // Office.js parses the add-in's cecp JSON object into the property bag.
      const bag: Record<string, unknown> = appointment.cecp === null ? {} : JSON.parse(appointment.cecp);
      const customProperties = {
        get: (name: string) => bag[name],
        getAll: () => ({ ...bag }),
        set: (name: string, value: unknown) => {
          bag[name] = value;
        },
        remove: (name: string) => {
          delete bag[name];
        },
        saveAsync: () => undefined,
      };
      answer('loadCustomPropertiesAsync', customProperties, callback, userContext);
    },
  };

  const office = {
    AsyncResultStatus: { Succeeded, Failed },
    CoercionType: { Text: 'text', Html: 'html' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    context: {
      displayLanguage: appointment.displayLanguage,
      platform: 'OfficeOnline',
      mailbox: { item },
    },
    actions: {
      associate(actionId: string, handler: (event: unknown) => void) {
        control.actions[actionId] = handler;
      },
    },
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
  };

  Object.defineProperty(globalThis, 'Office', { value: office, configurable: true, writable: true });
  globalThis.helhedFakeOffice = control;
  return control;
}

/**
 * A Smart Alerts event whose `completed(options)` resolves the returned promise with the
 * options, as Outlook would receive them.
 */
export function fakeSendEvent(): { event: { completed: (options?: unknown) => void }; completed: Promise<unknown> } {
  let resolve: (options: unknown) => void = () => undefined;
  const completed = new Promise<unknown>((r) => {
    resolve = r;
  });
  return { event: { completed: (options?: unknown) => resolve(options ?? {}) }, completed };
}
