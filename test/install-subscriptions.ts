/**
 * Vitest setup: tests call services directly, without the server or the CLI that install the
 * modules' reactions to each other's events; this installs them as those entry points do.
 */
import { installSubscriptions } from '../src/modules/subscriptions.js';

installSubscriptions();
