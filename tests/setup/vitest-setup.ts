// Every test gets an in-memory IndexedDB (Node has none, jsdom has none), so the Dexie adapter
// runs unchanged in unit and contract tests.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';

// Testing Library only cleans up automatically when test globals are on; they are off here.
// Import it only where there is a DOM, so node-environment tests do not load react-dom.
if (typeof document !== 'undefined') {
  const { cleanup, configure } = await import('@testing-library/react');
  // Screens read IndexedDB through several awaits; on a loaded 2-core CI machine the default
  // 1 s for findBy*/waitFor is too short to be a fair limit.
  configure({ asyncUtilTimeout: 5000 });
  afterEach(() => {
    cleanup();
  });

  // jsdom has no ResizeObserver, and Fluent's MessageBar observes its own size to reflow its
  // actions. Nothing is laid out in jsdom, so an observer that never fires is faithful.
  if (!('ResizeObserver' in window)) {
    class InertResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', { value: InertResizeObserver, configurable: true, writable: true });
  }
}
