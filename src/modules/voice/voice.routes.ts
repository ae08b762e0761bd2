import type { Registrar } from '../../http/registrar.js';

/** Client voice settings, clients' segments and the e-mail outbox. */
export function registerVoiceRoutes(_r: Registrar): void {}
