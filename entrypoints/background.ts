import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';

// Thin shell: the toolbar button opens the observer's form.
// Chrome/Edge: the side panel; Firefox: the sidebar.
export default defineBackground(() => {
  const b = browser as unknown as {
    sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> };
    sidebarAction?: { toggle(): Promise<void> };
    action?: { onClicked: { addListener(f: () => void): void } };
    browserAction?: { onClicked: { addListener(f: () => void): void } };
  };
  if (b.sidePanel) {
    b.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((e: unknown) => console.warn('sidePanel', e));
  } else if (b.sidebarAction) {
    const sidebar = b.sidebarAction;
    (b.action ?? b.browserAction)?.onClicked.addListener(() => {
      void sidebar.toggle();
    });
  }
});
