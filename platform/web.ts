import { downloadBlob, fetchBytes, fetchJson, type Platform } from '../components/platform';

/**
 * The micro-frontend's platform: data in the host origin's IndexedDB, defaults fetched from
 * next to the module (or from the URLs the host page gives), events dispatched on the element.
 */
export function webPlatform(
  el: HTMLElement,
  opts: {
    dbName: string;
    base: URL;
    templateUrl?: string | null;
    rosterUrl?: string | null;
    planUrls?: string[];
    observationId?: string | null;
    observers?: string[];
  },
): Platform {
  const resolve = (u: string | null | undefined, fallback: string) => new URL(u || fallback, u ? document.baseURI : opts.base).href;
  return {
    kind: 'web',
    dbName: opts.dbName,
    loadDefaults: async () => ({
      template: await fetchJson(resolve(opts.templateUrl, 'defaults/rubric-default.json')),
      roster: await fetchJson(resolve(opts.rosterUrl, 'defaults/units.json')),
    }),
    loadDefaultPlans: async () => Promise.all((opts.planUrls ?? []).map((u) => fetchJson(new URL(u, document.baseURI).href))),
    loadAsset: (path) => fetchBytes(new URL(path, opts.base).href),
    saveFile: downloadBlob,
    requestPersistence: async () => (navigator.storage?.persist ? navigator.storage.persist() : null),
    emit: (type, detail) => el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })),
    initialObservationId: opts.observationId,
    defaultObservers: opts.observers,
  };
}
