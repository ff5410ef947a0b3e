import { browser } from 'wxt/browser';
import { downloadBlob, fetchBytes, fetchJson, type Platform } from '../components/platform';
import { DEFAULT_DB_NAME } from '../utils/db';

const url = (path: string) => browser.runtime.getURL(path as '/');

/** The extension's platform: built-in defaults from the package, downloads by <a download>. */
export const extensionPlatform: Platform = {
  kind: 'extension',
  dbName: DEFAULT_DB_NAME,
  loadDefaults: async () => ({
    template: await fetchJson(url('/defaults/rubric-default.json')),
    roster: await fetchJson(url('/defaults/units.json')),
  }),
  loadAsset: (path) => fetchBytes(url(`/${path}`)),
  saveFile: downloadBlob,
  // The manifest's unlimitedStorage permission already exempts our IndexedDB from eviction.
  requestPersistence: async () => null,
  emit: () => {},
  openPage: (page) => {
    if (page === 'options') void browser.runtime.openOptionsPage();
    else void browser.tabs.create({ url: url('/dashboard.html') });
  },
};
