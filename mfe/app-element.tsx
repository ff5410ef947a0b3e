import { render, type ComponentChildren } from 'preact';
import type { Platform } from '../components/platform';
import { webPlatform } from '../platform/web';
import css from '../components/ui/styles.css?inline';
import { installFontFaces } from '../components/ui/font-faces';

// The folder this module was loaded from (defaults/ and fonts/ sit beside it). Not written as
// new URL('.', import.meta.url): Vite would inline that as an asset.
const HERE = import.meta.url;
const BASE = new URL(HERE.slice(0, HERE.lastIndexOf('/') + 1));

const COMMON_ATTRIBUTES = ['db-name', 'template-url', 'roster-url', 'plan-urls'] as const;

/**
 * A Xunting component as a custom element: shadow DOM with the app's styles, data in the host
 * origin's IndexedDB (`db-name`), defaults fetched beside the module unless the host names
 * other URLs, events dispatched on the element (bubbling, composed).
 */
export function appElement(opts: { defaultDb: string; attributes?: readonly string[]; view(platform: Platform, el: HTMLElement): ComponentChildren }) {
  return class extends HTMLElement {
    static observedAttributes = [...COMMON_ATTRIBUTES, ...(opts.attributes ?? [])];
    private root: ShadowRoot | null = null;

    connectedCallback() {
      installFontFaces(document, new URL('fonts/', BASE).href);
      this.root ??= this.attachShadow({ mode: 'open' });
      this.mount();
    }

    attributeChangedCallback() {
      if (this.root) this.mount();
    }

    disconnectedCallback() {
      if (this.root) render(null, this.root);
    }

    private mount() {
      const platform = webPlatform(this, {
        dbName: this.getAttribute('db-name') || opts.defaultDb,
        base: BASE,
        templateUrl: this.getAttribute('template-url'),
        rosterUrl: this.getAttribute('roster-url'),
        planUrls: (this.getAttribute('plan-urls') ?? '').split(/\s+/).filter(Boolean),
        observationId: this.getAttribute('observation-id'),
        observers: (this.getAttribute('observers') ?? '')
          .split(/[、,，]/)
          .map((s) => s.trim())
          .filter(Boolean),
      });
      render(
        <>
          <style>{css}</style>
          <div key={platform.dbName}>{opts.view(platform, this)}</div>
        </>,
        this.root!,
      );
    }
  };
}
