// Every test gets an in-memory IndexedDB (Node has none, jsdom has none), so the Dexie adapter
// runs unchanged in unit and contract tests.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';

// Testing Library only cleans up automatically when test globals are on; they are off here.
// Import it only where there is a DOM, so node-environment tests do not load react-dom.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => {
    cleanup();
  });
}
