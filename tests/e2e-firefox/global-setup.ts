// Firefox E2E set-up: the Firefox test build the suite drives and the production Firefox build one test checks, both newer than the sources.
import { ensureBuild } from '../../scripts/extension-builds';

export default function setup(): void {
  ensureBuild('firefox-test');
  ensureBuild('firefox');
}
