import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { extensionPlatform } from '../../platform/extension';
import '../../components/ui/styles.css';

// Thin shell: the options page (profile, templates, roster).
render(<OptionsApp platform={extensionPlatform} />, document.getElementById('app')!);
