import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { createPathway } from '../../application/pathways';
import { AttendanceModeSchema, type AttendanceMode, type Person } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { href, navigate } from '../../ui/routes';
import { useSession } from '../../ui/services-context';
import { ErrorState } from '../../ui/states';
import { fieldErrorText } from './field-error-text';
import {
  emptyCitizenForm,
  memberFormFor,
  validateNewPathway,
  type CitizenField,
  type CitizenForm,
  type MemberForm,
} from './new-pathway-form';
import { TeamMemberEditor } from './team-member-editor';
import { TeamPicker } from './team-picker';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1, minWidth: '220px' },
  members: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  summary: { outlineStyle: 'none' },
});

/** Opens a new sammenhængende borgerforløb; the signed-in person becomes tovholder. */
export function NewPathwayScreen() {
  const { t } = useI18n();
  const styles = useStyles();
  const { services, me } = useSession();
  const [form, setForm] = useState<CitizenForm>(emptyCitizenForm);
  // The tovholder is always the signed-in person (who can change in the demo's "Vis som").
  const [mine, setMine] = useState<MemberForm>(() => memberFormFor(me, 'coordinator'));
  const [others, setOthers] = useState<MemberForm[]>([]);
  const coordinator = mine.person.id === me.id ? mine : memberFormFor(me, 'coordinator');
  const members = useMemo(
    () => [coordinator, ...others.filter((m) => m.person.id !== me.id)],
    [coordinator, others, me.id],
  );
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingIds = { citizen: useId(), team: useId() };
  const [summaryTick, setSummaryTick] = useState(0);

  const result = useMemo(() => validateNewPathway(form, members), [form, members]);
  const errors = submitted && !result.ok ? result.errors : { citizen: {}, members: {} };
  const showSummary = submitted && !result.ok;

  useEffect(() => {
    if (summaryTick > 0) summaryRef.current?.focus();
  }, [summaryTick]);

  const teamIds = useMemo(() => new Set(members.map((m) => m.person.id)), [members]);
  const set = (field: Exclude<CitizenField, 'attendance'>) => (_: unknown, d: { value: string }) =>
    setForm((f) => ({ ...f, [field]: d.value }));
  const err = (field: CitizenField) => fieldErrorText(errors.citizen[field], t);

  const addPerson = (p: Person) =>
    setOthers((ms) => (p.id === me.id || ms.some((m) => m.person.id === p.id) ? ms : [...ms, memberFormFor(p, 'member')]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setSaveError(null);
    if (!result.ok) {
      setSummaryTick((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      const pathway = await createPathway(services, result.value);
      navigate(href.pathway(pathway.id));
    } catch (error: unknown) {
      setSaveError(error);
      setSaving(false);
    }
  }

  return (
    <Page title={t.pathways.newTitle} back={{ href: href.pathways(), label: t.pathways.listTitle }}>
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate data-testid="new-pathway-form">
        {showSummary ? (
          <MessageBar intent="error" role="alert" ref={summaryRef} tabIndex={-1} className={styles.summary}>
            <MessageBarBody>{t.pathways.errorSummary}</MessageBarBody>
          </MessageBar>
        ) : null}

        <section className={styles.section} aria-labelledby={headingIds.citizen}>
          <Title3 as="h2" id={headingIds.citizen}>
            {t.pathways.citizenSection}
          </Title3>
          <div className={styles.row}>
            <Field className={styles.grow} label={t.pathways.citizenName} required validationMessage={err('displayName')}>
              <Input value={form.displayName} onChange={set('displayName')} autoComplete="off" />
            </Field>
            <Field label={t.pathways.initials} hint={t.pathways.initialsHint} required validationMessage={err('initials')}>
              <Input value={form.initials} onChange={set('initials')} autoComplete="off" />
            </Field>
          </div>
          <Field label={t.pathways.caseRef} hint={t.pathways.caseRefHint} required validationMessage={err('caseRef')}>
            <Input value={form.caseRef} onChange={set('caseRef')} autoComplete="off" />
          </Field>
          <div className={styles.row}>
            <Field className={styles.grow} label={t.pathways.email} hint={t.pathways.emailHint} validationMessage={err('email')}>
              <Input type="email" value={form.email} onChange={set('email')} autoComplete="off" />
            </Field>
            <Field label={t.pathways.phone} validationMessage={err('phone')}>
              <Input type="tel" value={form.phone} onChange={set('phone')} autoComplete="off" />
            </Field>
          </div>
          <Field label={t.pathways.attendance} required>
            <RadioGroup
              value={form.attendance}
              onChange={(_, d) => setForm((f) => ({ ...f, attendance: AttendanceModeSchema.parse(d.value) }))}
            >
              {AttendanceModeSchema.options.map((mode: AttendanceMode) => (
                <Radio key={mode} value={mode} label={t.attendanceMode[mode]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t.pathways.goals} hint={t.pathways.goalsHint} required validationMessage={err('goals')}>
            <Textarea value={form.goals} onChange={set('goals')} rows={4} resize="vertical" data-testid="goals-input" />
          </Field>
        </section>

        <section className={styles.section} aria-labelledby={headingIds.team}>
          <Title3 as="h2" id={headingIds.team}>
            {t.pathways.teamSection}
          </Title3>
          <Text>{t.pathways.teamIntro}</Text>
          <TeamPicker teamIds={teamIds} onAdd={addPerson} />
          <div className={styles.members} role="group" aria-label={t.pathways.teamMembers}>
            {members.map((m) => (
              <TeamMemberEditor
                key={m.person.id}
                member={m}
                isMe={m.person.id === me.id}
                errors={errors.members[m.person.id]}
                onChange={(next) =>
                  next.role === 'coordinator'
                    ? setMine(next)
                    : setOthers((ms) => ms.map((x) => (x.person.id === next.person.id ? next : x)))
                }
                onRemove={
                  m.role === 'coordinator'
                    ? null
                    : () => setOthers((ms) => ms.filter((x) => x.person.id !== m.person.id))
                }
              />
            ))}
          </div>
        </section>

        {saveError ? <ErrorState error={saveError} /> : null}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={saving}>
            {t.pathways.create}
          </Button>
          {saving ? <Spinner size="tiny" label={t.pathways.creating} role="status" /> : null}
        </div>
      </form>
    </Page>
  );
}
