import type { Registrar } from '../../http/registrar.js';

/** The API of this part of client voice (issue 7). */
export function registerPollRoutes(_r: Registrar): void {}
