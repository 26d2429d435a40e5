/**
 * A PlanStore that passes every call to another one. Decorators (the outbox in
 * src/adapters/local/outbox-plan-store.ts, the leader review's delta copy in
 * src/adapters/graph/delta-decision-cache.ts) extend it and override only what they change.
 */
import type {
  Action,
  AuditEntry,
  CitizenPlan,
  Consent,
  ConsentEvent,
  Decision,
  DecisionDraft,
  Department,
  Id,
  Minutes,
  Pathway,
  Settings,
  TeamMeeting,
} from '../domain/model';
import type { DecisionQuery, MeetingQuery, PlanStore } from '../ports/plan-store';

export class PlanStoreDecorator implements PlanStore {
  constructor(protected readonly inner: PlanStore) {}

  listDepartments(): Promise<Department[]> {
    return this.inner.listDepartments();
  }
  saveDepartments(departments: readonly Department[]): Promise<void> {
    return this.inner.saveDepartments(departments);
  }
  getSettings(): Promise<Settings> {
    return this.inner.getSettings();
  }
  saveSettings(settings: Settings): Promise<void> {
    return this.inner.saveSettings(settings);
  }
  listPathways(): Promise<Pathway[]> {
    return this.inner.listPathways();
  }
  getPathway(id: Id): Promise<Pathway | null> {
    return this.inner.getPathway(id);
  }
  savePathway(pathway: Pathway): Promise<void> {
    return this.inner.savePathway(pathway);
  }
  getPlan(pathwayId: Id): Promise<CitizenPlan | null> {
    return this.inner.getPlan(pathwayId);
  }
  listPlanVersions(pathwayId: Id): Promise<CitizenPlan[]> {
    return this.inner.listPlanVersions(pathwayId);
  }
  savePlan(plan: Omit<CitizenPlan, 'version'>, expectedVersion: number): Promise<CitizenPlan> {
    return this.inner.savePlan(plan, expectedVersion);
  }
  listMeetings(query: MeetingQuery): Promise<TeamMeeting[]> {
    return this.inner.listMeetings(query);
  }
  getMeeting(id: Id): Promise<TeamMeeting | null> {
    return this.inner.getMeeting(id);
  }
  findMeetingByChatId(chatId: string): Promise<TeamMeeting | null> {
    return this.inner.findMeetingByChatId(chatId);
  }
  saveMeeting(meeting: TeamMeeting): Promise<void> {
    return this.inner.saveMeeting(meeting);
  }
  appendDecisions(decisions: readonly Decision[], actions: readonly Action[]): Promise<void> {
    return this.inner.appendDecisions(decisions, actions);
  }
  listDecisions(query: DecisionQuery): Promise<Decision[]> {
    return this.inner.listDecisions(query);
  }
  listActions(query: { pathwayId?: Id; ownerId?: Id; decisionIds?: readonly Id[] }): Promise<Action[]> {
    return this.inner.listActions(query);
  }
  setActionStatus(actionId: Id, status: Action['status']): Promise<void> {
    return this.inner.setActionStatus(actionId, status);
  }
  writeMinutes(minutes: Omit<Minutes, 'version' | 'id'>): Promise<Minutes> {
    return this.inner.writeMinutes(minutes);
  }
  getMinutes(meetingId: Id): Promise<Minutes | null> {
    return this.inner.getMinutes(meetingId);
  }
  listMinutes(pathwayId: Id): Promise<Minutes[]> {
    return this.inner.listMinutes(pathwayId);
  }
  saveDraft(draft: DecisionDraft): Promise<void> {
    return this.inner.saveDraft(draft);
  }
  getDraft(meetingId: Id, authorId: Id): Promise<DecisionDraft | null> {
    return this.inner.getDraft(meetingId, authorId);
  }
  deleteDraft(meetingId: Id, authorId: Id): Promise<void> {
    return this.inner.deleteDraft(meetingId, authorId);
  }
  getConsent(pathwayId: Id): Promise<Consent | null> {
    return this.inner.getConsent(pathwayId);
  }
  listConsentHistory(pathwayId: Id): Promise<ConsentEvent[]> {
    return this.inner.listConsentHistory(pathwayId);
  }
  appendConsentEvent(event: ConsentEvent): Promise<Consent> {
    return this.inner.appendConsentEvent(event);
  }
  listAudit(pathwayId: Id): Promise<AuditEntry[]> {
    return this.inner.listAudit(pathwayId);
  }
}
