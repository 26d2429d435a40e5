// The floor for the first-load benchmark (bench/first-load.mjs): the least a Fluent UI v9 app in
// Teams can ship. Helhed's first chunk is measured as a multiple of this.
import { Button, FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <FluentProvider theme={teamsLightTheme}>
      <Button appearance="primary">Helhed</Button>
    </FluentProvider>
  </StrictMode>,
);
