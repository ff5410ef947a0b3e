import { render } from 'preact';
import { ObserverApp } from '../../components/observe/ObserverApp';
import { extensionPlatform } from '../../platform/extension';
import '../../components/ui/styles.css';
import { installFontFaces } from '../../components/ui/font-faces';

// Thin shell: the observer's app in the extension's side panel (Firefox: sidebar).
installFontFaces(document, '/fonts/');
render(<ObserverApp platform={extensionPlatform} />, document.getElementById('app')!);
