import { useCallback, useState } from 'react';
import { downloadBlob } from './download';

/** Where an export is: nothing yet, building the file, downloaded (its name), or failed. */
export type FileExportState =
  | { status: 'idle' }
  | { status: 'building' }
  | { status: 'done'; fileName: string }
  | { status: 'error'; error: unknown };

/** A built file, ready to save. */
export type FileExportResult = { blob: Blob; fileName: string };

/**
 * Runs one export at a time: builds the file, saves it, and keeps the outcome for the menu to
 * show. A failure is kept as state (shown as an error), never swallowed.
 */
export function useFileExport(): { state: FileExportState; run: (build: () => Promise<FileExportResult>) => Promise<void> } {
  const [state, setState] = useState<FileExportState>({ status: 'idle' });
  const run = useCallback(async (build: () => Promise<FileExportResult>) => {
    setState({ status: 'building' });
    try {
      const { blob, fileName } = await build();
      downloadBlob(blob, fileName);
      setState({ status: 'done', fileName });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);
  return { state, run };
}
