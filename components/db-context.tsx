import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { XuntingDB } from '../utils/db';
import { PlatformContext, type Platform } from './platform';

/** The page's database, provided once by the app root like the Platform (never a prop). */
const DbContext = createContext<XuntingDB | null>(null);

export function useDb(): XuntingDB {
  const db = useContext(DbContext);
  if (!db) throw new Error('DbContext missing');
  return db;
}

/** One database per page and database name (not one per render). */
export function usePageDb(platform: Platform): XuntingDB {
  return useMemo(() => new XuntingDB(platform.dbName), [platform.dbName]);
}

/** The platform and the database for everything below. */
export function AppContext({ platform, db, children }: { platform: Platform; db: XuntingDB; children: ComponentChildren }) {
  return (
    <PlatformContext.Provider value={platform}>
      <DbContext.Provider value={db}>{children}</DbContext.Provider>
    </PlatformContext.Provider>
  );
}
