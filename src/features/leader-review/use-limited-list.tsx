import { Button } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../ui/i18n';

/** Items shown at first, and added per "Vis flere". */
export const LIST_STEP = 20;

/**
 * The first items of a long list and a "Vis flere" button for the next ones. At 50,000
 * decisions a section may hold thousands of escalations or overdue actions; rendering them all
 * on every filter change took seconds (bench/leader-review.mjs). The decisions table above lists
 * every one of them; the sections are the short list of what to act on first.
 */
export function useLimitedList<T>(items: readonly T[], step = LIST_STEP): { shown: readonly T[]; more: ReactNode } {
  const { t } = useI18n();
  // Back to the first page whenever the list itself changes (a new filter).
  const [state, setState] = useState({ items, limit: step });
  const limit = state.items === items ? state.limit : step;
  const shown = items.length > limit ? items.slice(0, limit) : items;
  const more =
    items.length > limit ? (
      <div>
        <Button onClick={() => setState({ items, limit: limit + step * 5 })}>{t.leader.showMore(shown.length, items.length)}</Button>
      </div>
    ) : null;
  return { shown, more };
}
