import { describe, expect, it } from 'vitest';
import { checkTeamsConfig, teamsDemoStoreRequested } from './teams-config';

const GOOD = {
  TEAMS_APP_ID: '5f1e3a2b-8c4d-4e6f-9a0b-1c2d3e4f5a6b',
  VITE_ENTRA_CLIENT_ID: '8a2d4f60-7b1e-4c3a-9f5d-2e6b8c0a1f47',
  VITE_ENTRA_TENANT_ID: '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
  VITE_SHAREPOINT_SITE_URL: 'https://kommune.sharepoint.com/sites/helhed',
};

describe('Teams configuration check at start-up', () => {
  it('accepts a complete configuration', () => {
    expect(checkTeamsConfig(GOOD)).toEqual({ ok: true, config: GOOD });
  });

  it('lists every variable that is missing or malformed, saying what it must be', () => {
    const check = checkTeamsConfig({ VITE_ENTRA_CLIENT_ID: '', VITE_SHAREPOINT_SITE_URL: 'http://intranet/helhed' });
    expect(check).toEqual({
      ok: false,
      problems: [
        { name: 'TEAMS_APP_ID', problem: 'is not set' },
        { name: 'VITE_ENTRA_CLIENT_ID', problem: 'is not set' },
        { name: 'VITE_ENTRA_TENANT_ID', problem: 'is not set' },
        { name: 'VITE_SHAREPOINT_SITE_URL', problem: 'must be the https URL of the SharePoint site that holds the plans' },
      ],
    });
  });

  it('uses the demo store only when the build allows it and the URL asks for it', () => {
    const url = new URL('https://h.example/teams.html?store=demo');
    expect(teamsDemoStoreRequested({ VITE_HELHED_TEAMS_DEMO: 'true' }, url)).toBe(true);
    expect(teamsDemoStoreRequested({}, url)).toBe(false);
    expect(teamsDemoStoreRequested({ VITE_HELHED_TEAMS_DEMO: 'true' }, new URL('https://h.example/teams.html'))).toBe(false);
  });
});
