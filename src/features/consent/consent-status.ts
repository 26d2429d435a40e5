import type { ConsentState } from '../../domain/rules/consent';

/** Danger for a consent that no longer holds, warning when none was recorded; a review soon is the reminder's job. */
export function statusBadgeColor(status: ConsentState['status']): 'success' | 'danger' | 'warning' {
  switch (status) {
    case 'valid':
      return 'success';
    case 'missing':
      return 'warning';
    case 'expired':
    case 'withdrawn':
      return 'danger';
  }
}
