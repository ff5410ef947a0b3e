import { useEffect, useMemo, useState } from 'preact/hooks';
import { seedDefaults, unsetUntouchedDeductionsOnce } from '../../utils/db';
import { AppContext, usePageDb } from '../db-context';
import { errorMessage } from '../ui/errors';
import type { Platform } from '../platform';
import { zh } from '../ui/strings';
import { createObserveStore, type ObserveStore } from './observe-store';
import { ObservationForm } from './ObservationForm';
import { ObservationList } from './ObservationList';
import { StatusBar } from './StatusBar';
import { loadCoverage } from '../report/report-fonts';
import { signWithIdentity } from '../report/report-actions';

/**
 * The observer's app (side panel and <xunting-observation>): list of observations and the form.
 * Flushes pending edits when the page is hidden or closed.
 */
export function ObserverApp({ platform }: { platform: Platform }) {
  const db = usePageDb(platform);
  const store = useMemo<ObserveStore>(
    () =>
      createObserveStore(db, {
        emit: platform.emit,
        saveFile: platform.saveFile,
        sign: (pdf) => signWithIdentity(platform, db, pdf),
        defaultObservers: platform.defaultObservers,
        finalizeChecks: async (r) => {
          const [{ findUnprintable, describeChar }, coverage] = await Promise.all([import('../../utils/pdf'), loadCoverage(platform)]);
          return findUnprintable(r, coverage).map((u) => ({
            path: u.path,
            message: `${u.field}中有报告无法打印的字符 ${u.chars.map(describeChar).join('、')}，请改用常用字或删去`,
          }));
        },
      }),
    [db],
  );
  const [ready, setReady] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      await platform.requestPersistence().catch(() => null);
      await seedDefaults(db, await platform.loadDefaults());
      await unsetUntouchedDeductionsOnce(db);
      await store.loaded;
      await store.reopenLast(platform.initialObservationId);
      if (live) setReady(true);
    })().catch((e: unknown) => live && setFatal(errorMessage(e)));
    const flush = () => void store.flush();
    // Hidden: save now (the list, units and identity follow the database by themselves).
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      void store.flush().finally(() => store.dispose());
    };
  }, [store]);

  const view = store.view.value;
  return (
    <AppContext platform={platform} db={db}>
      <div class="app">
        <header class="topbar">
          <h1>{zh.appTitle}</h1>
          {view.name === 'form' && (
            <button type="button" class="link" onClick={() => void store.backToList()}>
              {zh.backToList}
            </button>
          )}
        </header>
        {store.notice.value && (
          <p class="notice" role="status">
            {store.notice.value}
            <button type="button" class="link" aria-label="关闭提示" onClick={() => (store.notice.value = '')}>
              ×
            </button>
          </p>
        )}
        <main>
          {fatal ? (
            <p class="error" role="alert">
              {fatal}
            </p>
          ) : !ready ? (
            <p role="status">正在打开本地数据库…</p>
          ) : view.name === 'list' ? (
            <ObservationList store={store} />
          ) : (
            <ObservationForm store={store} />
          )}
        </main>
        {ready && view.name === 'form' && <StatusBar store={store} />}
      </div>
    </AppContext>
  );
}
