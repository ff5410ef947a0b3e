import { ObserverApp } from '../components/observe/ObserverApp';
import { appElement } from './app-element';

/**
 * <xunting-observation>: the observer's form (shadow DOM, isolated styles).
 * Attributes: db-name, template-url, roster-url, observation-id, observers (顿号/逗号-separated).
 * Events: xunting-saved, xunting-finalized, xunting-error (detail documented in the README).
 */
export const XuntingObservationElement = appElement({
  defaultDb: 'xunting-web',
  attributes: ['observation-id', 'observers'],
  view: (platform) => <ObserverApp platform={platform} />,
});
