import { useEffect, useMemo, useState } from 'preact/hooks';
import { XuntingDB, listPlans, savePlans, seedDefaults } from '../../utils/db';
import type { Plan } from '../../utils/plan';
import { PlanManager } from '../collect/PlanManager';
import { ReportInbox } from '../collect/ReportInbox';
import { RosterManager } from '../options/RosterManager';
import { PlatformContext, type Platform } from '../platform';
import { AuthorityManager } from '../sign/AuthorityManager';
import { TrustManager } from '../sign/TrustManager';
import { BackupPanel } from '../ui/BackupPanel';
import { errorMessage } from '../ui/errors';
import { CoverageTab } from './CoverageTab';
import { TemplatesTab } from '../templates/TemplatesTab';

export type SupervisorTab = 'inbox' | 'coverage' | 'roster' | 'templates' | 'ca' | 'trust' | 'backup';

const TABS: { id: SupervisorTab; title: string }[] = [
  { id: 'inbox', title: '报告收集' },
  { id: 'coverage', title: '覆盖统计' },
  { id: 'roster', title: '名单与计划' },
  { id: 'templates', title: '评分表' },
  { id: 'ca', title: '证书颁发' },
  { id: 'trust', title: '信任列表' },
  { id: 'backup', title: '备份与恢复' },
];

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
 * The supervisor's page (工委工作台): one tab per task. `only` limits it to some tabs (the
 * micro-frontend's <xunting-inbox> and <xunting-coverage>).
 */
export function SupervisorApp({ platform, initialTab, only }: { platform: Platform; initialTab?: SupervisorTab; only?: SupervisorTab[] }) {
  const db = useMemo(() => new XuntingDB(platform.dbName), [platform.dbName]);
  const tabs = only ? TABS.filter((t) => only.includes(t.id)) : TABS;
  const fromHash = location.hash.slice(1) as SupervisorTab;
  const [tab, setTab] = useState<SupervisorTab>(initialTab ?? (platform.kind === 'extension' && tabs.some((t) => t.id === fromHash) ? fromHash : tabs[0].id));
  const [ready, setReady] = useState(false);
  const [fatal, setFatal] = useState('');
  const [notice, setNotice] = useState('');
  // Bumped whenever collected reports, the roster, plans or the trust list change: views recompute.
  const [version, setVersion] = useState(0);
  const [draftPlan, setDraftPlan] = useState<Plan | null>(null);
  const changed = () => setVersion((n) => n + 1);
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
    <PlatformContext.Provider value={platform}>
      <div class="app wide-app">
        {!only && (
          <header class="topbar">
            <h1>巡听旁听 · 工委工作台</h1>
          </header>
        )}
        {tabs.length > 1 && (
          <nav class="tabs" aria-label="工作台">
            {tabs.map((t) => (
              <button key={t.id} type="button" class="tab" aria-current={tab === t.id ? 'page' : undefined} onClick={() => choose(t.id)}>
                {t.title}
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
            <ReportInbox
              db={db}
              onImported={(counts) => {
                changed();
                platform.emit('xunting-imported', counts);
              }}
            />
          )}
          {ready && tab === 'coverage' && (
            <CoverageTab
              db={db}
              version={version}
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
              <PlanManager db={db} seed={draftPlan} version={version} onChange={changed} />
              <RosterManager db={db} editable onChange={changed} />
            </>
          )}
          {ready && tab === 'templates' && <TemplatesTab db={db} />}
          {ready && tab === 'ca' && <AuthorityManager db={db} onChange={changed} />}
          {ready && tab === 'trust' && <TrustManager db={db} refreshKey={version} />}
          {ready && tab === 'backup' && <BackupPanel db={db} kind="supervisor" onRestored={changed} />}
        </main>
      </div>
    </PlatformContext.Provider>
  );
}
