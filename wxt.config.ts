import { defineConfig } from 'wxt';
import { preactJsx, stubOptionalJsPdfDeps } from './scripts/vite-shared';

// The extension: side panel (observer), options (profile, templates, roster).
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
    browser_specific_settings: browser === 'firefox' ? { gecko: { id: 'xunting@xunting.local', strict_min_version: '115.0' } } : undefined,
    content_security_policy:
      browser === 'firefox'
        ? undefined
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" },
  }),
  vite: () => ({
    oxc: preactJsx,
    resolve: { alias: stubOptionalJsPdfDeps },
    build: { chunkSizeWarningLimit: 2000 },
  }),
});
