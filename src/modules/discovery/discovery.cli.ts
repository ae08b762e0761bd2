import { CONTEXT_FIELDS } from '../../core/discovery/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import { translate } from '../../i18n/index.js';
import { orgContext, parse, required, unknownCommand } from '../cli-kit.js';
import { encodeInstant } from '../common.schema.js';
import type { CliCommand } from '../module.js';
import { getCanvas, listCanvases } from './canvas.service.js';
import { renderCanvasSvg } from './canvas.svg.js';
import { type TSegmentContext, ZSaveSegmentContext } from './context.schema.js';
import { getSegmentContext, saveSegmentContext } from './context.service.js';

/** A segment's context as the CLI prints it: readiness and version, then one part a line (`-` while empty). */
function describeContext(context: TSegmentContext): string {
  const written =
    context.updatedAt === null
      ? 'never written'
      : `version ${context.version}, ${encodeInstant(context.updatedAt)} by ${context.updatedBy}`;
  return [
    `context of segment ${context.segmentId}: ${context.filledCount} of ${context.fieldCount} filled; ${written}; evidence ${context.evidenceCount}`,
    ...CONTEXT_FIELDS.map((field) => `${field}:\t${context[field].replace(/\s*\n\s*/g, ' / ') || '-'}`),
  ].join('\n');
}

const SEGMENTS_HELP = `  segments context show --org SLUG --segment ID
                            Print a segment's context (situation, regulations, market, channels)
                            and how many of the four parts are filled.
  segments context set --org SLUG --segment ID [--situation TEXT] [--regulations TEXT]
                       [--market TEXT] [--channels TEXT]
                            Write the parts given (others keep their text; "" empties one).`;

export const DISCOVERY_COMMANDS: CliCommand[] = [
  {
    name: 'segments',
    scope: 'organization',
    help: SEGMENTS_HELP,
    options: {
      segment: { type: 'string' },
      situation: { type: 'string' },
      regulations: { type: 'string' },
      market: { type: 'string' },
      channels: { type: 'string' },
    },
    async run(db, input) {
      const { values } = input;
      const [action] = input.rest;
      if (input.sub !== 'context' || (action !== 'show' && action !== 'set'))
        throw unknownCommand({ command: input.command, sub: [input.sub, action].filter(Boolean).join(' ') });
      const ctx = await orgContext(db, values.org, input.now);
      const segmentId = required(values, 'segment', 'the segment id');
      if (action === 'show') return { stdout: describeContext(await getSegmentContext(ctx, segmentId)) };
      const parts = Object.fromEntries(
        CONTEXT_FIELDS.filter((field) => values[field] !== undefined).map((field) => [field, values[field]]),
      );
      return { stdout: describeContext(await saveSegmentContext(ctx, segmentId, parse(ZSaveSegmentContext, parts))) };
    },
  },
  {
    name: 'canvas',
    scope: 'organization',
    help: `  canvas list --org SLUG    List the strategy canvases (id, name, factors).
  canvas svg --org SLUG --canvas ID [--lang ru|en]
                            Print a strategy canvas as an SVG chart.`,
    options: { canvas: { type: 'string' }, lang: { type: 'string' } },
    async run(db, input) {
      const { values } = input;
      switch (input.sub) {
        case 'list': {
          const ctx = await orgContext(db, values.org, input.now);
          const page = await listCanvases(ctx, { limit: 200 });
          return { stdout: page.items.map((c) => `${c.id}\t${c.name}\t${c.factorCount} factors`).join('\n') || '(no canvases)' };
        }
        case 'svg': {
          const ctx = await orgContext(db, values.org, input.now);
          if (!values.canvas)
            throw new AppError('validation_failed', '--canvas: required (the canvas id)', [fieldError('canvas', 'required', 'required')]);
          const canvas = await getCanvas(ctx, values.canvas);
          const locale = values.lang === 'en' || values.lang === 'ru' ? values.lang : ctx.org.locale;
          const labels = {
            current: translate(locale, 'canvas.current'),
            target: translate(locale, 'canvas.target'),
            level: translate(locale, 'canvas.level'),
          };
          return { stdout: await renderCanvasSvg(canvas, labels, 900, 480) };
        }
        default:
          throw unknownCommand(input);
      }
    },
  },
];
