import { useEffect, useMemo, useState } from 'preact/hooks';
import { XuntingDB, seedDefaults, describeStorageError } from '../../utils/db';
import { PlatformContext, type Platform } from '../platform';
import { IdentityManager } from '../sign/IdentityManager';
import { BackupPanel } from '../ui/BackupPanel';
import { ProfileSettings } from './ProfileSettings';
import { RosterManager } from './RosterManager';
import { TemplateManager } from './TemplateManager';

/** Options: observer profile, signing identity, rubric templates, roster. */
export function OptionsApp({ platform }: { platform: Platform }) {
  const db = useMemo(() => new XuntingDB(platform.dbName), [platform.dbName]);
  const [ready, setReady] = useState(false);
  const [fatal, setFatal] = useState('');
  const [restored, setRestored] = useState(0);
  useEffect(() => {
    void (async () => seedDefaults(db, await platform.loadDefaults()))().then(
      () => setReady(true),
      (e: unknown) => setFatal(describeStorageError(e)),
    );
  }, [db]);
  return (
    <PlatformContext.Provider value={platform}>
      <div class="app">
        <header class="topbar">
          <h1>巡听旁听 · 设置</h1>
          {platform.openPage && (
            <button type="button" class="link" onClick={() => platform.openPage!('dashboard')}>
              工委工作台（收集报告、覆盖统计、证书）
            </button>
          )}
        </header>
        <main>
          {fatal && (
            <p class="error" role="alert">
              {fatal}
            </p>
          )}
          {ready && (
            <>
              {/* After a restore the sections read the database afresh; the backup panel keeps its message. */}
              <div key={restored}>
                <ProfileSettings db={db} />
                <IdentityManager db={db} />
                <TemplateManager db={db} />
                <RosterManager db={db} />
              </div>
              <BackupPanel db={db} kind="observer" onRestored={() => setRestored((n) => n + 1)} />
            </>
          )}
        </main>
      </div>
    </PlatformContext.Provider>
  );
}
