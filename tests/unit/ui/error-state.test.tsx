import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import {
  GraphForbiddenError,
  GraphNetworkError,
  GraphPreconditionFailedError,
  GraphThrottledError,
  GraphUnauthorizedError,
} from '../../../src/adapters/graph/graph-errors';
import { NotFoundError, VersionConflictError } from '../../../src/ports/plan-store';
import { I18nProvider } from '../../../src/ui/i18n';
import { ErrorState, explainError } from '../../../src/ui/states';
import { da } from '../../../src/ui/strings/da';
import { en } from '../../../src/ui/strings/en';

const details = { status: 0, graphCode: null, requestId: null, operation: 'GET /me' };

describe('typed errors are explained, never shown as empty data', () => {
  it('maps every Graph status class to its own Danish explanation', () => {
    expect(explainError(new GraphUnauthorizedError('401', { ...details, status: 401 }), da)).toEqual({ ...da.errors.GRAPH_UNAUTHORIZED, retry: true });
    expect(explainError(new GraphForbiddenError('403', { ...details, status: 403 }), da)).toEqual({ ...da.errors.GRAPH_FORBIDDEN, retry: false });
    expect(explainError(new GraphPreconditionFailedError('412', { ...details, status: 412 }), da)).toEqual({
      ...da.errors.GRAPH_PRECONDITION_FAILED,
      retry: true,
    });
    expect(explainError(new GraphThrottledError('429', { ...details, status: 429 }, null), en)).toEqual({ ...en.errors.GRAPH_THROTTLED, retry: true });
    expect(explainError(new GraphNetworkError('offline', details), da).title).toBe('Ingen forbindelse');
  });

  it('maps the ports\' errors by name, and anything else to the general message', () => {
    expect(explainError(new NotFoundError('pathway', 'p1'), da)).toEqual({ title: da.common.notFoundTitle, body: da.common.notFoundBody, retry: false });
    expect(explainError(new VersionConflictError('plan', 'p1', 1, 2), da)).toEqual({ ...da.errors.VersionConflictError, retry: true });
    expect(explainError(new Error('boom'), da)).toEqual({ title: da.common.errorTitle, body: da.common.errorBody, retry: true });
  });

  it('renders the explanation as an alert, with retry only where a retry can help', () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <I18nProvider locale="da">
          <ErrorState error={new GraphForbiddenError('403', { ...details, status: 403 })} onRetry={() => undefined} />
        </I18nProvider>
      </FluentProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain(da.errors.GRAPH_FORBIDDEN.body);
    expect(screen.queryByRole('button', { name: da.common.retry })).toBeNull();
  });
});
