import { render } from 'preact';
import { SupervisorApp } from '../../components/supervisor/SupervisorApp';
import { extensionPlatform } from '../../platform/extension';
import '../../components/ui/styles.css';

// Thin shell: the supervisor's page (collect reports, coverage, roster and plan, CA, trust list).
render(<SupervisorApp platform={extensionPlatform} />, document.getElementById('app')!);
