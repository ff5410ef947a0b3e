import { useEffect, useMemo, useState } from 'preact/hooks';
import { XuntingDB, seedDefaults } from '../../utils/db';
import { PlatformContext, type Platform } from '../platform';
import type { Plan } from '../../utils/plan';
import { PlanManager } from '../collect/PlanManager';
import { ReportInbox } from '../collect/ReportInbox';
import { RosterManager } from '../options/RosterManager';
import { AuthorityManager } from '../sign/AuthorityManager';
import { TrustManager } from '../sign/TrustManager';
import { errorMessage } from '../ui/errors';

export type SupervisorTab = 'inbox' | 'roster' | 'ca' | 'trust';

const TABS: { id: SupervisorTab; title: string }[] = [
  { id: 'inbox', title: '报告收集' },
  { id: 'roster', title: '名单与计划' },
  { id: 'ca', title: '证书颁发' },
  { id: 'trust', title: '信任列表' },
];

/** The supervisor's page (工委工作台): one tab per task. */
export function SupervisorApp({ platform, initialTab }: { platform: Platform; initialTab?: SupervisorTab }) {
  const db = useMemo(() => new XuntingDB(platform.dbName), [platform.dbName]);
  const [ready, setReady] = useState(false);
  const [fatal, setFatal] = useState('');
  const [tab, setTab] = useState<SupervisorTab>(initialTab ?? ((location.hash.slice(1) as SupervisorTab) || 'inbox'));
  const [changed, setChanged] = useState(0);
  const [seed] = useState<Plan | null>(null);
  useEffect(() => {
    void (async () => {
      await platform.requestPersistence().catch(() => null);
      await seedDefaults(db, await platform.loadDefaults());
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
        <header class="topbar">
          <h1>巡听旁听 · 工委工作台</h1>
        </header>
        <nav class="tabs" aria-label="工作台">
          {TABS.map((t) => (
            <button key={t.id} type="button" class="tab" aria-current={tab === t.id ? 'page' : undefined} onClick={() => choose(t.id)}>
              {t.title}
            </button>
          ))}
        </nav>
        <main>
          {fatal && (
            <p class="error" role="alert">
              {fatal}
            </p>
          )}
          {ready && tab === 'inbox' && <ReportInbox db={db} onImported={() => setChanged((n) => n + 1)} />}
          {ready && tab === 'roster' && (
            <>
              <PlanManager db={db} seed={seed} onChange={() => setChanged((n) => n + 1)} />
              <RosterManager db={db} editable onChange={() => setChanged((n) => n + 1)} />
            </>
          )}
          {ready && tab === 'ca' && <AuthorityManager db={db} onChange={() => setChanged((n) => n + 1)} />}
          {ready && tab === 'trust' && <TrustManager db={db} refreshKey={changed} />}
        </main>
      </div>
    </PlatformContext.Provider>
  );
}
