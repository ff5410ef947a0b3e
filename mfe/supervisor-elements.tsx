import { SupervisorApp, type SupervisorTab } from '../components/supervisor/SupervisorApp';
import { IdentityManager } from '../components/sign/IdentityManager';
import { AppContext, usePageDb } from '../components/db-context';
import type { Platform } from '../components/platform';
import { TemplateManager } from '../components/options/TemplateManager';
import { appElement } from './app-element';

const tabOf = (el: HTMLElement) => (el.getAttribute('tab') as SupervisorTab | null) ?? undefined;

/**
 * <xunting-supervisor>: the supervisor's whole page (inbox, coverage, roster and plan, CA,
 * trust list, backup). `tab` picks the first tab. Events: xunting-imported, xunting-error.
 */
export const XuntingSupervisorElement = appElement({
  defaultDb: 'xunting-supervisor',
  attributes: ['tab'],
  view: (platform, el) => <SupervisorApp platform={platform} initialTab={tabOf(el)} />,
});

/** <xunting-inbox>: only the report inbox (with its trust list), for a portal's "collect" page. */
export const XuntingInboxElement = appElement({
  defaultDb: 'xunting-supervisor',
  view: (platform) => <SupervisorApp platform={platform} only={['inbox', 'trust']} />,
});

/** <xunting-coverage>: only the coverage figures, charts, tables and exports. */
export const XuntingCoverageElement = appElement({
  defaultDb: 'xunting-supervisor',
  view: (platform) => <SupervisorApp platform={platform} only={['coverage']} />,
});

/** <xunting-templates>: the rubric template editor: versions, preview, publishing the signed 评分表. */
export const XuntingTemplatesElement = appElement({
  defaultDb: 'xunting-supervisor',
  view: (platform) => <SupervisorApp platform={platform} only={['templates']} />,
});

/** <xunting-template-import>: the observer's rubric templates: import a signed 评分表 PDF, choose the current one. */
export const XuntingTemplateImportElement = appElement({
  defaultDb: 'xunting-web',
  view: (platform) => <TemplateImportElement platform={platform} />,
});

function TemplateImportElement({ platform }: { platform: Platform }) {
  const db = usePageDb(platform);
  return (
    <AppContext platform={platform} db={db}>
      <TemplateManager />
    </AppContext>
  );
}

/** <xunting-identity>: the observer's signing identity (key, certificate request, certificate). */
export const XuntingIdentityElement = appElement({
  defaultDb: 'xunting-web',
  view: (platform) => <IdentityElement platform={platform} />,
});

function IdentityElement({ platform }: { platform: Platform }) {
  const db = usePageDb(platform);
  return (
    <AppContext platform={platform} db={db}>
      <IdentityManager />
    </AppContext>
  );
}
