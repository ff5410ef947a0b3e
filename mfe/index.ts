// The micro-frontend: Xunting's components as custom elements, in one ES module.
//   <script type="module" src="xunting-elements.js"></script>
//   <xunting-observation></xunting-observation>
import { XuntingObservationElement } from './observation-element';

export function defineXuntingElements(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('xunting-observation')) registry.define('xunting-observation', XuntingObservationElement);
}

defineXuntingElements();
export { XuntingObservationElement };
