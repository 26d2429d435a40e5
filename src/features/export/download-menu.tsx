import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useI18n } from '../../ui/i18n';
import { ExportStatus } from './export-status';
import { useFileExport, type FileExportResult } from './use-file-export';

const useStyles = makeStyles({
  root: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** One format the menu offers: `build` makes the file when it is chosen. */
export interface DownloadChoice {
  id: string;
  label: string;
  icon: ReactElement;
  testId: string;
  build: () => Promise<FileExportResult>;
}

/**
 * A Fluent menu of downloads (arrow keys, Enter, Escape): busy while a file is built, with the
 * outcome announced (ExportStatus). The review export and the plan export both use it.
 */
export function DownloadMenu({
  label,
  ariaLabel,
  testId,
  choices,
  disabledReason,
}: {
  label: string;
  ariaLabel: string;
  testId: string;
  choices: readonly DownloadChoice[];
  /** When set, the menu is disabled and this says why. */
  disabledReason?: string;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { state, run } = useFileExport();
  const building = state.status === 'building';
  return (
    <div className={styles.root}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton
            icon={building ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
            disabledFocusable={building || disabledReason !== undefined}
            aria-label={ariaLabel}
            title={disabledReason}
            data-testid={testId}
          >
            {building ? t.export.building : label}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {choices.map((c) => (
              <MenuItem key={c.id} icon={c.icon} onClick={() => void run(c.build)} data-testid={c.testId}>
                {c.label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <ExportStatus state={state} />
    </div>
  );
}
