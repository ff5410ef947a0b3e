// The micro-frontend: Xunting's components as custom elements, in one ES module.
//   <script type="module" src="xunting-elements.js"></script>
//   <xunting-observation></xunting-observation>   the observer's form
//   <xunting-identity></xunting-identity>         the observer's signing identity
//   <xunting-supervisor></xunting-supervisor>     the supervisor's page (or <xunting-inbox>, <xunting-coverage>, <xunting-templates>)
//   <xunting-template-import></xunting-template-import>  the observer's templates: import a signed 评分表
import { XuntingObservationElement } from './observation-element';
import {
  XuntingCoverageElement,
  XuntingIdentityElement,
  XuntingInboxElement,
  XuntingSupervisorElement,
  XuntingTemplateImportElement,
  XuntingTemplatesElement,
} from './supervisor-elements';

const ELEMENTS: [string, CustomElementConstructor][] = [
  ['xunting-observation', XuntingObservationElement],
  ['xunting-identity', XuntingIdentityElement],
  ['xunting-supervisor', XuntingSupervisorElement],
  ['xunting-inbox', XuntingInboxElement],
  ['xunting-coverage', XuntingCoverageElement],
  ['xunting-templates', XuntingTemplatesElement],
  ['xunting-template-import', XuntingTemplateImportElement],
];

export function defineXuntingElements(registry: CustomElementRegistry = customElements): void {
  for (const [name, ctor] of ELEMENTS) if (!registry.get(name)) registry.define(name, ctor);
}

defineXuntingElements();
export { XuntingObservationElement, XuntingIdentityElement, XuntingSupervisorElement, XuntingInboxElement, XuntingCoverageElement };
