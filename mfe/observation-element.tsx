import { render } from 'preact';
import { ObserverApp } from '../components/observe/ObserverApp';
import { webPlatform } from '../platform/web';
import css from '../components/ui/styles.css?inline';

const BASE = new URL('.', import.meta.url);

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
