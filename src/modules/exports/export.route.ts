import type { FastifyReply } from 'fastify';
import { type ZodObject, type ZodRawShape, z } from 'zod';
import { writeCsv } from '../../core/tables/csv.js';
import { dayIn } from '../../core/tables/format.js';
import { exportFileName, type Table, type TableLocale } from '../../core/tables/table.js';
import type { Principal } from '../../http/auth.js';
import type { RouteSpec } from '../../http/route.js';
import { translate } from '../../i18n/index.js';
import type { OrgContext } from '../context.js';
import type { Permission } from '../permissions.js';
import { writeXlsx } from './xlsx.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `?format=csv|xlsx&lang=ru|en`: the query every export takes. */
export const ZExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('csv').describe('csv (RFC 4180, UTF-8 with BOM) or xlsx'),
  lang: z.enum(['ru', 'en']).optional().describe('headers, names and number format; the person’s language, else the organization’s'),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The language of an export: `?lang`, else the signed-in person's, else the organization's. */
export function exportLocale(lang: TableLocale | undefined, principal: Principal | null, ctx: OrgContext): TableLocale {
  if (lang) return lang;
  const personal = principal?.kind === 'user' ? principal.user.locale?.slice(0, 2) : null;
  if (personal === 'ru' || personal === 'en') return personal;
  return ctx.org.locale;
}

/** Writes the table as the chosen format and sends it as a download named after the table, org and day. */
export async function sendTable(
  reply: FastifyReply,
  ctx: OrgContext,
  table: Table,
  format: ExportFormat,
  locale: TableLocale,
): Promise<FastifyReply> {
  const options = { locale, timeZone: ctx.org.time_zone, translate: (key: string) => translate(locale, key) };
  const name = exportFileName(table.name, ctx.org.slug, dayIn(ctx.now, ctx.org.time_zone), format);
  reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store');
  if (format === 'xlsx') return reply.type(XLSX_TYPE).send(await writeXlsx(table, options));
  return reply.type('text/csv; charset=utf-8').send(writeCsv(table, options));
}

/** Translates an enumeration value (a status, a kind) into the export's language. */
export function enumText(locale: TableLocale, group: string, value: string): string {
  return translate(locale, `tables.enums.${group}.${value}`);
}

interface ExportSpec<P extends ZodObject<ZodRawShape>, Q extends ZodRawShape> {
  /** The operation's name in the OpenAPI document, e.g. `exportPromises`. */
  operationId: string;
  /** The table's URL, ending in `/export`. */
  url: string;
  summary: string;
  tag: string;
  permission: Permission;
  params: P;
  /** Filters beyond `format` and `lang`. */
  filters?: Q;
  build(ctx: OrgContext, params: z.output<P>, query: z.output<ZodObject<Q>>, locale: TableLocale): Promise<Table>;
}

/**
 * A download route: the same organization scope and permission as the screen's list, `format` and
 * `lang` in the query, the file as the answer. One declaration joins the OpenAPI sweeps.
 */
export function exportRoute<P extends ZodObject<ZodRawShape>, Q extends ZodRawShape = Record<never, never>>(
  spec: ExportSpec<P, Q>,
  // biome-ignore lint/suspicious/noExplicitAny: the query schema is the merge of the filters and the export query
): RouteSpec<P, any, z.ZodType, z.ZodType> {
  const query = ZExportQuery.extend(spec.filters ?? ({} as Q));
  return {
    method: 'GET',
    operationId: spec.operationId,
    url: spec.url,
    summary: `${spec.summary} — as CSV (text/csv) or, with format=xlsx, an Excel workbook (${XLSX_TYPE})`,
    tag: spec.tag,
    auth: 'org',
    permission: spec.permission,
    contentType: 'text/csv',
    params: spec.params,
    query,
    handler: async ({ ctx, params, query: q, principal, reply }) => {
      const locale = exportLocale(q.lang, principal, ctx);
      const table = await spec.build(ctx, params, q, locale);
      return sendTable(reply, ctx, table, q.format, locale);
    },
  };
}
