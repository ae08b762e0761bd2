import type { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { instant, integer, percent, type Table, type TableLocale, text } from '../../core/tables/table.js';
import { translate } from '../../i18n/index.js';
import type { OrgContext } from '../context.js';
import { enumText } from '../exports/export.route.js';
import type { TPromise, TPromiseStatus, TWindow, ZPromiseQuery } from './promise.schema.js';
import { listPromises } from './promise.service.js';
import { promiseStatus } from './status.service.js';

type PromiseFilters = Omit<z.output<typeof ZPromiseQuery>, 'limit' | 'cursor'>;

const H = 'tables.promises';
export const PROMISE_COLUMNS = [
  'title',
  'kind',
  'lifecycle',
  'promiser',
  'promisee',
  'fulfillment',
  'attainment',
  'target',
  'good',
  'total',
  'budgetRemaining',
  'window',
  'unbacked',
  'backingWaived',
  'publishedAt',
].map((key) => ({ header: `${H}.${key}` }));

function windowText(locale: TableLocale, window: TWindow): string {
  if (window.kind === 'rolling') return translate(locale, 'tables.enums.window.rolling', { days: window.days });
  return enumText(locale, 'window', window.period);
}

/** The status now, or null where there is none to show (a draft never measured). */
async function statusOrNull(ctx: OrgContext, id: string): Promise<TPromiseStatus | null> {
  try {
    return await promiseStatus(ctx, id, ctx.now);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/**
 * Every promise the list shows (all pages), with the figures of the list screen: status,
 * attainment, target, events and the error budget left (empty cells before the first event).
 */
export async function promisesTable(ctx: OrgContext, filters: PromiseFilters, locale: TableLocale): Promise<Table> {
  const { items } = await listPromises(ctx, { ...filters, limit: Number.MAX_SAFE_INTEGER });
  const rows = [];
  for (const promise of items as TPromise[]) {
    const status = await statusOrNull(ctx, promise.id);
    const hasEvents = status !== null && status.total > 0;
    rows.push([
      text(promise.title),
      text(enumText(locale, 'promiseKind', promise.kind)),
      text(enumText(locale, 'lifecycle', promise.status)),
      text(promise.promiserTeam?.name ?? ''),
      text(promise.promiseeSegment?.name ?? promise.promiseeTeam?.name ?? ''),
      status ? text(enumText(locale, 'fulfillment', status.status)) : null,
      percent(status?.attainment ?? null),
      percent(promise.terms.target),
      status ? integer(status.good) : null,
      status ? integer(status.total) : null,
      hasEvents ? percent(status.budgetRemaining) : null,
      text(windowText(locale, promise.terms.window)),
      text(enumText(locale, 'yesNo', promise.unbacked !== null || status?.unbacked === true ? 'yes' : 'no')),
      // The waiver's reason itself: a reader of the table sees why the backing was not required.
      promise.backingWaiver ? text(promise.backingWaiver.reason) : null,
      instant(promise.publishedAt),
    ]);
  }
  return { name: 'promises', columns: PROMISE_COLUMNS, rows };
}
