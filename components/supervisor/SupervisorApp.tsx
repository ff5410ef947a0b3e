import { useEffect, useMemo, useState } from 'preact/hooks';
import { listPlans, savePlans, seedDefaults, type XuntingDB } from '../../utils/db';
import { AppContext, usePageDb } from '../db-context';
import type { Plan } from '../../utils/plan';
import { PlanManager } from '../collect/PlanManager';
import { ReportInbox } from '../collect/ReportInbox';
import { createInboxStore } from '../collect/inbox-store';
import { RosterManager } from '../options/RosterManager';
import type { Platform } from '../platform';
import { AuthorityManager } from '../sign/AuthorityManager';
import { TrustManager } from '../sign/TrustManager';
import { BackupPanel } from '../backup/BackupPanel';
import { errorMessage } from '../ui/errors';
import { CA_HOLDER } from '../ui/strings';
import { CoverageTab } from './CoverageTab';
import { FirstSteps } from './FirstSteps';
import { TemplatesTab } from '../templates/TemplatesTab';

export type SupervisorTab = 'inbox' | 'coverage' | 'roster' | 'templates' | 'ca' | 'trust' | 'backup';

/** The tabs in order, with their titles: every tab has one (the compiler checks). */
const TAB_TITLES: Record<SupervisorTab, string> = {
  inbox: '报告收集',
  coverage: '覆盖统计',
  roster: '名单与计划',
  templates: '评分表',
  ca: '证书颁发',
  trust: '信任列表',
  backup: '备份与恢复',
};
const TABS = Object.keys(TAB_TITLES) as SupervisorTab[];

/** First run: the built-in roster and template, and the host's plans (the micro-frontend's plan-urls), validated like any import. */
async function seed(db: XuntingDB, platform: Platform): Promise<string> {
  await seedDefaults(db, await platform.loadDefaults());
  if (!platform.loadDefaultPlans || (await listPlans(db)).length) return '';
  const plans = await platform.loadDefaultPlans();
  if (!plans.length) return '';
  const r = await savePlans(db, plans);
  return r.ok ? '' : `内置计划未导入：${r.problems[0].message}`;
}

/**
 * The supervisor's page (巡听办工作台): one tab per task. `only` limits it to some tabs (the
 * micro-frontend's <xunting-inbox> and <xunting-coverage>).
 */
export function SupervisorApp({ platform, initialTab, only }: { platform: Platform; initialTab?: SupervisorTab; only?: SupervisorTab[] }) {
  const db = usePageDb(platform);
  // The inbox's results outlive its tab: they stay while the supervisor visits the trust list.
  const inbox = useMemo(() => createInboxStore(db, { onImported: (counts) => platform.emit('xunting-imported', counts) }), [db]);
  const tabs = only ? TABS.filter((t) => only.includes(t)) : TABS;
  const fromHash = location.hash.slice(1) as SupervisorTab;
  const [tab, setTab] = useState<SupervisorTab>(initialTab ?? (platform.kind === 'extension' && tabs.includes(fromHash) ? fromHash : tabs[0]));
  const [ready, setReady] = useState(false);
  const [fatal, setFatal] = useState('');
  const [notice, setNotice] = useState('');
  const [draftPlan, setDraftPlan] = useState<Plan | null>(null);
  useEffect(() => {
    void (async () => {
      await platform.requestPersistence().catch(() => null);
      setNotice(await seed(db, platform));
    })().then(
      () => setReady(true),
      (e: unknown) => setFatal(errorMessage(e)),
    );
  }, [db]);
  const choose = (t: SupervisorTab) => {
    setTab(t);
    if (platform.kind === 'extension') history.replaceState(null, '', `#${t}`);
  };
  return (
    <AppContext platform={platform} db={db}>
      <div class="app wide-app">
        {!only && (
          <header class="topbar">
            <h1>巡听旁听 · {CA_HOLDER}工作台</h1>
          </header>
        )}
        {tabs.length > 1 && (
          <nav class="tabs" aria-label="工作台">
            {tabs.map((t) => (
              <button key={t} type="button" class="tab" aria-current={tab === t ? 'page' : undefined} onClick={() => choose(t)}>
                {TAB_TITLES[t]}
              </button>
            ))}
          </nav>
        )}
        <main>
          {fatal && (
            <p class="error" role="alert">
              {fatal}
            </p>
          )}
          {notice && <p class="notice">{notice}</p>}
          {ready && tab === 'inbox' && (
            <>
              {!only && !inbox.running.value && <FirstSteps year={new Date().getFullYear()} onGo={choose} />}
              <ReportInbox store={inbox} onOpenTrust={tabs.includes('trust') ? () => choose('trust') : undefined} />
            </>
          )}
          {ready && tab === 'coverage' && (
            <CoverageTab
              onGo={only ? undefined : choose}
              onSeedPlan={
                only
                  ? undefined
                  : (plan) => {
                      setDraftPlan(plan);
                      choose('roster');
                    }
              }
            />
          )}
          {ready && tab === 'roster' && (
            <>
              <PlanManager seed={draftPlan} />
              <RosterManager editable />
            </>
          )}
          {ready && tab === 'templates' && <TemplatesTab db={db} />}
          {ready && tab === 'ca' && <AuthorityManager />}
          {ready && tab === 'trust' && (
            <TrustManager
              refused={inbox.refusedIssuers.value.reduce((n, r) => n + r.files.length, 0)}
              onRecheck={() => {
                choose('inbox');
                void inbox.recheck();
              }}
            />
          )}
          {ready && tab === 'backup' && <BackupPanel kind="supervisor" />}
        </main>
      </div>
    </AppContext>
  );
}
