import { useEffect, useState } from 'preact/hooks';
import { seedDefaults, describeStorageError } from '../../utils/db';
import { AppContext, usePageDb } from '../db-context';
import type { Platform } from '../platform';
import { IdentityManager } from '../sign/IdentityManager';
import { CA_HOLDER } from '../ui/strings';
import { BackupPanel } from '../backup/BackupPanel';
import { ProfileSettings } from './ProfileSettings';
import { RosterManager } from './RosterManager';
import { TemplateManager } from './TemplateManager';

/** Options: observer profile, signing identity, rubric templates, roster. */
export function OptionsApp({ platform }: { platform: Platform }) {
  const db = usePageDb(platform);
  const [ready, setReady] = useState(false);
  const [fatal, setFatal] = useState('');
  useEffect(() => {
    void (async () => seedDefaults(db, await platform.loadDefaults()))().then(
      () => setReady(true),
      (e: unknown) => setFatal(describeStorageError(e)),
    );
  }, [db]);
  return (
    <AppContext platform={platform} db={db}>
      <div class="app">
        <header class="topbar">
          <h1>巡听旁听 · 设置</h1>
          {platform.openPage && (
            <button type="button" class="link" onClick={() => platform.openPage!('dashboard')}>
              {CA_HOLDER}工作台（收集报告、覆盖统计、证书）
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
              {/* Each section follows the database: a restore or a change in another tab shows at once. */}
              <ProfileSettings />
              <IdentityManager />
              <TemplateManager />
              <RosterManager />
              <BackupPanel kind="observer" />
            </>
          )}
        </main>
      </div>
    </AppContext>
  );
}
