import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { extensionPlatform } from '../../platform/extension';
import '../../components/ui/styles.css';
import { installFontFaces } from '../../components/ui/font-faces';

// Thin shell: the options page (profile, templates, roster).
installFontFaces(document, '/fonts/');
render(<OptionsApp platform={extensionPlatform} />, document.getElementById('app')!);
