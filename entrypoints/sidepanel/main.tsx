import { render } from 'preact';
import { ObserverApp } from '../../components/observe/ObserverApp';
import { extensionPlatform } from '../../platform/extension';
import '../../components/ui/styles.css';

// Thin shell: the observer's app in the extension's side panel (Firefox: sidebar).
render(<ObserverApp platform={extensionPlatform} />, document.getElementById('app')!);
