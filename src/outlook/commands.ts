/// <reference types="office-js" />
// Entry of the Outlook handler bundle (dist/outlook/commands.js), loaded directly by classic
// Outlook on Windows' JavaScript-only runtime and through commands.html elsewhere. No DOM, no
// React, no network: https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events
//
// `Office.actions.associate` maps the manifest's action id (extensions.runtimes[].actions[].id,
// referenced by autoRunEvents' appointmentSending event) to the function. On Windows, code in
// Office.onReady/Office.initialize does not run for event-based add-ins, so the association is made
// at load time.
import { APPOINTMENT_SEND_ACTION_ID } from './manifest-ids';
import { completedOptions, officeAppointmentReader } from './office-adapter';
import { decideAppointmentSend, type SendGuardDecision } from './send-guard';

export function onAppointmentSendHandler(event: Office.MailboxEvent): void {
  const context = Office.context;
  const decided: Promise<SendGuardDecision> = Promise.resolve().then(() =>
    decideAppointmentSend(officeAppointmentReader(context.mailbox.item as Office.AppointmentCompose)),
  );
  decided
    // The guard catches reported read failures itself; this catches its own bugs: never a silent allow.
    .catch((): SendGuardDecision => ({ allow: false, problems: [{ code: 'READ_FAILED', part: 'customProperties' }] }))
    .then((decision) => event.completed(completedOptions(decision, context.displayLanguage)));
}

Office.actions.associate(APPOINTMENT_SEND_ACTION_ID, onAppointmentSendHandler);
