import { render } from 'preact';
import { SupervisorApp } from '../../components/supervisor/SupervisorApp';
import { extensionPlatform } from '../../platform/extension';
import '../../components/ui/styles.css';
import { installFontFaces } from '../../components/ui/font-faces';

// Thin shell: the supervisor's page (collect reports, coverage, roster and plan, CA, trust list).
installFontFaces(document, '/fonts/');
render(<SupervisorApp platform={extensionPlatform} />, document.getElementById('app')!);
