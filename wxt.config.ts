import { defineConfig } from 'wxt';
import { preactJsx, stubOptionalJsPdfDeps } from './scripts/vite-shared';

const CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

// The extension: side panel (observer), options (profile, identity, templates, roster, backup),
// dashboard (supervisor).
// See README "Architecture" and "Permissions".
export default defineConfig({
  imports: false,
  manifest: ({ browser }) => ({
    name: '巡听旁听',
    description: '理论学习中心组学习巡听旁听：评分记录、签名报告与覆盖统计',
    default_locale: undefined,
    // storage: unused by us but kept off; IndexedDB needs no permission.
    // unlimitedStorage: exempts the extension's IndexedDB (drafts, reports) from eviction.
    // sidePanel: the observer's form lives in the Chrome/Edge side panel.
    permissions: browser === 'firefox' ? ['unlimitedStorage'] : ['unlimitedStorage', 'sidePanel'],
    action: { default_title: '打开巡听旁听记录' },
    // Firefox keeps an add-on's IndexedDB under its id; a fixed id keeps drafts across reinstalls.
    // data_collection_permissions: the add-on collects and transmits nothing (Firefox's data consent).
    browser_specific_settings:
      browser === 'firefox'
        ? { gecko: { id: 'xunting@xunting.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } }
        : undefined,
    // Only our own scripts, no plugins, no <base>: MV3 takes an object, Firefox's MV2 a string.
    content_security_policy: browser === 'firefox' ? CSP : { extension_pages: CSP },
  }),
  vite: () => ({
    oxc: preactJsx,
    resolve: { alias: stubOptionalJsPdfDeps },
    build: { chunkSizeWarningLimit: 2000 },
  }),
});
