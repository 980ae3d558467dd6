/**
 * Registered at document_start before the content script (lib/page/spotter-registration.ts): puts
 * ClaimLens's gesture listeners on the window before the page's scripts can (lib/page/event-relay.ts).
 */
import { defineUnlistedScript } from '#imports';
import { installEventRelay } from '../../lib/page/event-relay';

export default defineUnlistedScript(() => installEventRelay(window));
