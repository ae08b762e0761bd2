import { AppError, fieldError } from '../../core/errors.js';
import { translate } from '../../i18n/index.js';
import { orgContext, unknownCommand } from '../cli-kit.js';
import type { CliCommand } from '../module.js';
import { getCanvas, listCanvases } from './canvas.service.js';
import { renderCanvasSvg } from './canvas.svg.js';

export const DISCOVERY_COMMANDS: CliCommand[] = [
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
