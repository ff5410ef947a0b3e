import { render } from 'preact';
import { ObserverApp } from '../components/observe/ObserverApp';
import { webPlatform } from '../platform/web';
import css from '../components/ui/styles.css?inline';

// The folder this module was loaded from (defaults/ and fonts/ sit beside it). Not written as
// new URL('.', import.meta.url): Vite would inline that as an asset.
const HERE = import.meta.url;
const BASE = new URL(HERE.slice(0, HERE.lastIndexOf('/') + 1));

/**
 * <xunting-observation>: the observer's form as a custom element (shadow DOM, isolated styles).
 * Attributes: db-name, template-url, roster-url, observation-id, observers (顿号/逗号-separated).
 * Events: xunting-saved, xunting-finalized, xunting-error (detail documented in the README).
 */
export class XuntingObservationElement extends HTMLElement {
  static observedAttributes = ['db-name', 'template-url', 'roster-url', 'observation-id', 'observers'];
  private root: ShadowRoot | null = null;

  connectedCallback() {
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
    const root = this.root!;
    const platform = webPlatform(this, {
      dbName: this.getAttribute('db-name') || 'xunting-web',
      base: BASE,
      templateUrl: this.getAttribute('template-url'),
      rosterUrl: this.getAttribute('roster-url'),
      observationId: this.getAttribute('observation-id'),
      observers: (this.getAttribute('observers') ?? '').split(/[、,，]/).map((s) => s.trim()).filter(Boolean),
    });
    render(
      <>
        <style>{css}</style>
        <ObserverApp key={platform.dbName} platform={platform} />
      </>,
      root,
    );
  }
}
