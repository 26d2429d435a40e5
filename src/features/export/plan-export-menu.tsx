import { DocumentPdf20Regular, DocumentText20Regular } from '@fluentui/react-icons';
import { requirePathway, requirePlan } from '../../application';
import type { MinutesContent, TeamMeeting } from '../../domain/model';
import { localParts } from '../../domain/time';
import { TIME_ZONE, useI18n } from '../../ui/i18n';
import { useSession } from '../../ui/services-context';
import { DownloadMenu } from './download-menu';
import type { PlanFormat } from './plan-export';

/**
 * "Hent plan og referat": the citizen's plan with these minutes as a PDF or a Word file for
 * the municipality's case system (journalisering). The plan and consent are read when asked
 * for, so the file holds the plan as it is now; pdf-lib and docx load on first use.
 */
export function PlanExportMenu({ meeting, minutes }: { meeting: Pick<TeamMeeting, 'pathwayId'>; minutes: MinutesContent }) {
  const { t, fmt, locale } = useI18n();
  const { services, departments } = useSession();
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const build = (format: PlanFormat) => async () => {
    const [{ buildPlanExport }, pathway, plan, consent] = await Promise.all([
      import('./plan-export'),
      requirePathway(services, meeting.pathwayId),
      requirePlan(services, meeting.pathwayId),
      services.store.getConsent(meeting.pathwayId),
    ]);
    const now = services.clock.now();
    return buildPlanExport({ pathway, plan, consent, minutes, generatedAt: now.toISOString() }, format, {
      t,
      fmt,
      language: locale,
      departmentName: (id) => names.get(id) ?? id,
      createdAt: now,
      today: localParts(now, TIME_ZONE).date,
    });
  };
  return (
    <DownloadMenu
      label={t.export.planMenu}
      ariaLabel={t.export.planMenuLabel}
      testId="plan-export"
      choices={[
        { id: 'pdf', label: t.export.pdf, icon: <DocumentPdf20Regular />, testId: 'plan-export-pdf', build: build('pdf') },
        { id: 'docx', label: t.export.docx, icon: <DocumentText20Regular />, testId: 'plan-export-docx', build: build('docx') },
      ]}
    />
  );
}
