/**
 * Saves a file the browser made: an object URL on a temporary link, clicked, then revoked.
 * Teams' desktop client and browsers both handle the `download` attribute for blob: URLs.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or the download can be cancelled in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
