/// <reference types="office-js" />
// The only file that touches Office.js's mailbox item: wraps its callback APIs into promises for
// the send guard, and turns the guard's decision into `event.completed(...)`. The `Office` global
// is the one Office.js defines; it is read when a handler runs, never at module load.
//
// API shapes: https://learn.microsoft.com/javascript/api/outlook/office.appointmentcompose
// (requiredAttendees, optionalAttendees, subject, location, body, loadCustomPropertiesAsync,
// all Mailbox 1.1) and office.smartalertseventcompletedoptions (allowEvent and errorMessage are
// Mailbox 1.12, the set that introduced OnAppointmentSend; cancelLabel, commandId and
// sendModeOverride need 1.14 and errorMessageMarkdown 1.15, so they are not used).
import { blockedMessage, languageFor } from './messages';
import { AppointmentReadError, type AppointmentPart, type AppointmentReader, type SendGuardDecision } from './send-guard';

function settle<T>(part: AppointmentPart, resolve: (value: T) => void, reject: (reason: AppointmentReadError) => void) {
  return (result: Office.AsyncResult<T>): void => {
    if (result.status === Office.AsyncResultStatus.Succeeded) {
      resolve(result.value);
    } else {
      reject(new AppointmentReadError(part, result.error?.message ?? 'unknown error'));
    }
  };
}

function read<T>(part: AppointmentPart, start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start(settle(part, resolve, reject));
    } catch (error) {
      // A client without the API throws instead of calling back: still a read failure.
      reject(new AppointmentReadError(part, error instanceof Error ? error.message : String(error)));
    }
  });
}

const addresses = (recipients: Office.EmailAddressDetails[]): string[] => recipients.map((r) => r.emailAddress);

/** The appointment being composed, read through Office.js. */
export function officeAppointmentReader(item: Office.AppointmentCompose): AppointmentReader {
  return {
    customProperty: (name) =>
      read<Office.CustomProperties>('customProperties', (cb) => item.loadCustomPropertiesAsync(cb)).then((props) => props.get(name)),
    requiredAttendees: () => read<Office.EmailAddressDetails[]>('requiredAttendees', (cb) => item.requiredAttendees.getAsync(cb)).then(addresses),
    optionalAttendees: () => read<Office.EmailAddressDetails[]>('optionalAttendees', (cb) => item.optionalAttendees.getAsync(cb)).then(addresses),
    subject: () => read<string>('subject', (cb) => item.subject.getAsync(cb)),
    location: () => read<string>('location', (cb) => item.location.getAsync(cb)),
    bodyText: () => read<string>('body', (cb) => item.body.getAsync(Office.CoercionType.Text, cb)),
  };
}

/** The `event.completed` options for a decision, in the mailbox's display language. */
export function completedOptions(decision: SendGuardDecision, displayLanguage: string | undefined): Office.SmartAlertsEventCompletedOptions {
  if (decision.allow) return { allowEvent: true };
  return { allowEvent: false, errorMessage: blockedMessage(decision.problems, languageFor(displayLanguage)) };
}
