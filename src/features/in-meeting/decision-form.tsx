import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  ToggleButton,
  makeStyles,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { Presenter20Regular } from '@fluentui/react-icons';
import { useEffect, useId, useState, type Ref } from 'react';
import { assessDecision } from '../../application';
import { CitizenPositionSchema, type CitizenPlan, type Decision, type Id, type Pathway, type TeamMeeting } from '../../domain/model';
import type { MandateAssessment } from '../../domain/rules/decision-mandate';
import { useI18n } from '../../ui/i18n';
import { useDepartmentName, useSession } from '../../ui/services-context';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ErrorState, LoadingState } from '../../ui/states';
import { ViolationList } from '../../ui/violation-list';
import { commitments, isPristine, normaliseAmount, type DecisionFormField } from './decision-form-values';
import type { DecisionDraftController } from './use-decision-draft';
import { MeetingSection } from './meeting-section';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  // A native select is as wide as its longest option (a goal in the citizen's words); let the
  // column, not the option, decide.
  fitted: { minWidth: 0 },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
  },
  fieldsetInvalid: { ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  error: { color: tokens.colorPaletteRedForeground1, flexBasis: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  state: { color: tokens.colorNeutralForeground2, minHeight: tokens.lineHeightBase300 },
  present: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

/**
 * Ny beslutning: typed together in the meeting, saved as a draft while typed (rule 7), and
 * checked against the mandates before it is saved (rule 6) so an escalation never comes as a
 * surprise.
 */
export function DecisionForm({
  draft,
  meeting,
  pathway,
  plan,
  decisions,
  textRef,
  presenting,
  onPresent,
}: {
  draft: DecisionDraftController;
  meeting: TeamMeeting;
  pathway: Pathway;
  plan: CitizenPlan;
  /** The meeting's decisions, to name the one a correction replaces. */
  decisions: readonly Decision[];
  textRef: Ref<HTMLTextAreaElement>;
  /** Whether this proposal is on the meeting stage now, with "Er du enig?". */
  presenting: boolean;
  /** Shows the proposal on the stage, or stops showing it. */
  onPresent: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const departmentName = useDepartmentName();
  const ids = { departments: useId(), departmentsError: useId() };
  const { form, values } = draft;
  const missing = new Set<DecisionFormField>(draft.missing);
  const saving = draft.saveState === 'saving';
  const members = pathway.team.members;
  const nameOf = (personId: Id) => members.find((m) => m.personId === personId)?.displayName ?? personId;
  const teamDepartments = [...new Set(members.map((m) => m.departmentId))];
  const title = values?.supersedes ? t.meeting.correctionHeading : t.meeting.formHeading;

  return (
    <MeetingSection title={title} testId="decision-form">
      {form.status === 'error' ? (
        <ErrorState error={form.error} onRetry={draft.retry} />
      ) : values === null ? (
        <LoadingState label={t.meeting.draftLoading} />
      ) : (
        <>
          {values.supersedes ? (
            <CorrectionNotice
              text={decisions.find((d) => d.id === values.supersedes)?.text ?? values.supersedes}
              onCancel={draft.clear}
            />
          ) : null}
          <Field
            label={t.meeting.textLabel}
            hint={t.meeting.textHint}
            required
            validationMessage={missing.has('text') ? t.meeting.textRequired : undefined}
          >
            <Textarea
              ref={textRef}
              value={values.text}
              onChange={(_, d) => draft.update({ text: d.value.slice(0, 2000) })}
              maxLength={2000}
              rows={3}
              resize="vertical"
              disabled={saving}
            />
          </Field>
          <div className={styles.grid}>
            <Field label={t.meeting.goalLabel} className={styles.fitted}>
              <Select
                className={styles.fitted}
                value={values.goalId ?? ''}
                onChange={(_, d) => draft.update({ goalId: d.value === '' ? null : d.value })}
                disabled={saving}
              >
                <option value="">{t.meeting.goalNone}</option>
                {plan.goals.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.text}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label={t.meeting.responsibleLabel}
              required
              validationMessage={missing.has('responsible') ? t.meeting.responsibleRequired : undefined}
              className={styles.fitted}
            >
              <Select
                className={styles.fitted}
                value={values.responsibleId ?? ''}
                onChange={(_, d) => draft.update({ responsibleId: d.value === '' ? null : d.value })}
                disabled={saving}
              >
                <option value="">{t.meeting.responsiblePlaceholder}</option>
                {members.map((m) => (
                  <option key={m.personId} value={m.personId}>
                    {m.displayName} ({departmentName(m.departmentId)})
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label={t.meeting.dueLabel}
              required
              validationMessage={missing.has('dueDate') ? t.meeting.dueRequired : undefined}
            >
              <Input
                type="date"
                value={values.dueDate ?? ''}
                onChange={(_, d) => draft.update({ dueDate: d.value === '' ? null : d.value })}
                disabled={saving}
              />
            </Field>
          </div>
          <fieldset
            className={missing.has('departments') ? `${styles.fieldset} ${styles.fieldsetInvalid}` : styles.fieldset}
            aria-describedby={missing.has('departments') ? ids.departmentsError : undefined}
            disabled={saving}
          >
            <legend className={styles.legend}>
              {t.meeting.departmentsLabel} <span aria-hidden="true">*</span>
            </legend>
            {teamDepartments.map((departmentId) => (
              <Checkbox
                key={departmentId}
                label={departmentName(departmentId)}
                checked={values.departmentIds.includes(departmentId)}
                onChange={(_, d) =>
                  draft.update({
                    departmentIds:
                      d.checked === true
                        ? teamDepartments.filter((id) => id === departmentId || values.departmentIds.includes(id))
                        : values.departmentIds.filter((id) => id !== departmentId),
                  })
                }
              />
            ))}
            {missing.has('departments') ? (
              <Text id={ids.departmentsError} className={styles.error}>
                {t.meeting.departmentsRequired}
              </Text>
            ) : null}
          </fieldset>
          <div className={styles.grid}>
            <Field label={t.meeting.amountLabel} hint={t.meeting.amountHint}>
              <Input
                inputMode="numeric"
                value={values.amount}
                onChange={(_, d) => draft.update({ amount: normaliseAmount(d.value) })}
                disabled={saving}
              />
            </Field>
            <Field
              label={t.meeting.positionLabel}
              required
              validationMessage={missing.has('citizenPosition') ? t.violation.CITIZEN_POSITION_MISSING : undefined}
            >
              <RadioGroup
                value={values.citizenPosition ?? ''}
                onChange={(_, d) => {
                  const position = CitizenPositionSchema.safeParse(d.value);
                  if (position.success) draft.update({ citizenPosition: position.data });
                }}
                disabled={saving}
              >
                {CitizenPositionSchema.options.map((p) => (
                  <Radio key={p} value={p} label={t.citizenPosition[p]} />
                ))}
              </RadioGroup>
            </Field>
          </div>
          <div className={styles.present}>
            <ToggleButton
              checked={presenting}
              onClick={onPresent}
              icon={<Presenter20Regular />}
              disabled={values.text.trim() === ''}
              data-testid="present-draft"
            >
              {t.meeting.presentDraft}
            </ToggleButton>
            {presenting ? (
              <Badge appearance="filled" color="brand">
                {t.meeting.presenting}
              </Badge>
            ) : null}
            <Text size={200} className={styles.state}>
              {t.meeting.presentHint}
            </Text>
          </div>
          <MandatePreview meeting={meeting} departmentIds={values.departmentIds} amount={commitments(values)[0]?.amountDkk ?? 0} />
          {draft.missing.length > 0 ? (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{t.meeting.formInvalid}</MessageBarBody>
            </MessageBar>
          ) : null}
          <ViolationList
            title={t.meeting.saveState.error}
            violations={draft.violations}
            nameOf={nameOf}
          />
          <div className={styles.actions}>
            {/* disabledFocusable: the button keeps keyboard focus while it saves (disabled would drop it to <body>). */}
            <Button appearance="primary" onClick={() => void draft.save()} disabledFocusable={saving}>
              {t.meeting.save}
            </Button>
            {isPristine(values) ? (
              <Button onClick={draft.clear} disabledFocusable={saving}>
                {t.meeting.clear}
              </Button>
            ) : (
              // Destructive: what was typed (perhaps a decision waiting for the connection) goes.
              <ConfirmDialog
                trigger={<Button disabledFocusable={saving}>{t.meeting.clear}</Button>}
                title={t.meeting.clearConfirmTitle}
                body={t.meeting.clearConfirmBody}
                confirmLabel={t.meeting.clearConfirm}
                onConfirm={draft.clear}
              />
            )}
            <Text role="status" aria-live="polite" data-testid="save-state" className={styles.state}>
              {t.meeting.saveState[draft.saveState]}
            </Text>
          </div>
          {/* Always rendered: a live region announces reliably only if it exists before its content changes. */}
          <div role="status" aria-live="polite" data-testid="responsible-notice" data-status={draft.notice?.status}>
            {draft.notice ? (
              <MessageBar intent={draft.notice.status === 'failed' ? 'warning' : draft.notice.status === 'sent' ? 'success' : 'info'}>
                <MessageBarBody>
                  {t.meeting.responsibleNotice[draft.notice.status](nameOf(draft.notice.responsibleId))}
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </div>
        </>
      )}
    </MeetingSection>
  );
}

function CorrectionNotice({ text, onCancel }: { text: string; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        {t.meeting.correcting(text)}{' '}
        <Button size="small" onClick={onCancel}>
          {t.meeting.cancelCorrection}
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * What rule 6 will make of the decision, asked of the same use case that records it, as the
 * departments and amount change and as people check in.
 */
function MandatePreview({ meeting, departmentIds, amount }: { meeting: TeamMeeting; departmentIds: Id[]; amount: number }) {
  const { t, fmt } = useI18n();
  const { services } = useSession();
  const departmentName = useDepartmentName();
  const [preview, setPreview] = useState<{ key: string; assessment: MandateAssessment } | null>(null);
  const meetingId = meeting.id;
  const present = meeting.attendance.filter((r) => r.present).map((r) => r.personId);
  const key = JSON.stringify({ departmentIds, amount, present });

  useEffect(() => {
    if (departmentIds.length === 0) return;
    let live = true;
    assessDecision(
      services,
      meetingId,
      departmentIds.map((departmentId) => ({ departmentId, amountDkk: amount })),
    ).then(
      (assessment) => live && setPreview({ key, assessment }),
      // No preview is shown then; recording the decision applies the rule regardless.
      () => undefined,
    );
    return () => {
      live = false;
    };
    // `key` covers departmentIds, amount and who is present.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, meetingId, key]);

  const assessment = departmentIds.length > 0 && preview?.key === key ? preview.assessment : null;
  const nameOf = (id: Id) => meeting.requiredAttendees.find((a) => a.personId === id)?.displayName ?? id;
  return (
    <div role="status" aria-live="polite" data-testid="mandate-preview">
      {assessment === null ? null : assessment.status === 'requires-leader-follow-up' ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t.meeting.previewEscalation(
              assessment.findings
                .map((f) =>
                  f.code === 'MANDATE_EXCEEDED' && f.limitDkk !== null
                    ? `${t.escalation.MANDATE_EXCEEDED(departmentName(f.departmentId))} (${t.meeting.amountOverLimit(fmt.amount(f.amountDkk), fmt.amount(f.limitDkk))})`
                    : t.escalation[f.code](departmentName(f.departmentId)),
                )
                .join('; '),
            )}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success">
          <MessageBarBody>{t.meeting.previewDecided(assessment.backedBy.map(nameOf).join(', '))}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
