import { windowAt } from '../../../../src/core/promises/window';
import type { PromiseWindow } from './promises.api';

/** W, the window's whole length at an instant (for a calendar window the current period's, not just the part elapsed). */
export function windowLengthMs(window: PromiseWindow, at: number, timeZone: string): number {
  return windowAt(window, at, timeZone).lengthMs;
}
