// Firefox E2E set-up: the production Firefox build present and newer than the sources.
import { ensureBuild } from '../../scripts/extension-builds';

export default function setup(): void {
  ensureBuild('firefox');
}
