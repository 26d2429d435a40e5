import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, DocumentPdf20Regular, DocumentText20Regular } from '@fluentui/react-icons';
import { requirePathway, requirePlan } from '../../application';
import type { MinutesContent, TeamMeeting } from '../../domain/model';
import { localParts } from '../../domain/time';
import { TIME_ZONE, useI18n } from '../../ui/i18n';
import { useSession } from '../../ui/services-context';
import { ExportStatus } from './export-status';
import type { PlanFormat } from './plan-export';
import { useFileExport } from './use-file-export';

const useStyles = makeStyles({
  root: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * "Hent plan og referat": the citizen's plan with these minutes as a PDF or a Word file for
 * the municipality's case system (journalisering). The plan and consent are read when asked
 * for, so the file holds the plan as it is now; pdf-lib and docx load on first use.
 */
export function PlanExportMenu({ meeting, minutes }: { meeting: Pick<TeamMeeting, 'pathwayId'>; minutes: MinutesContent }) {
  const { t, fmt, locale } = useI18n();
  const { services, departments } = useSession();
  const styles = useStyles();
  const { state, run } = useFileExport();
  const building = state.status === 'building';
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const exportAs = (format: PlanFormat) =>
    void run(async () => {
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
    });
  return (
    <div className={styles.root}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton
            icon={building ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
            disabledFocusable={building}
            aria-label={t.export.planMenuLabel}
            data-testid="plan-export"
          >
            {building ? t.export.building : t.export.planMenu}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem icon={<DocumentPdf20Regular />} onClick={() => exportAs('pdf')} data-testid="plan-export-pdf">
              {t.export.pdf}
            </MenuItem>
            <MenuItem icon={<DocumentText20Regular />} onClick={() => exportAs('docx')} data-testid="plan-export-docx">
              {t.export.docx}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <ExportStatus state={state} />
    </div>
  );
}
