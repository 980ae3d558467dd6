// E2E set-up: both builds present and newer than the sources (the test build the suites drive, the production build one suite checks).
import { ensureBuild } from '../../scripts/extension-builds';

export default function setup(): void {
  ensureBuild('test');
  ensureBuild('production');
}
