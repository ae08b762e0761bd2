import type { OrgContext } from '../context.js';
import { hasDemoRows, idsByColumn, idsOf } from '../demo/demo.repository.js';
import { DEMO_MEASURED_FACTORS, DEMO_PROMISES } from '../promises/promises.demo.data.js';
import { createCanvas, getCanvas, saveCanvas } from './canvas.service.js';
import { saveSegmentContext } from './context.service.js';
import { DEMO_DISCOVERY } from './discovery.demo.data.js';
import { createEvidence, createItem } from './item.service.js';
import { createSegment } from './segment.service.js';
import { createValueItem } from './value.service.js';

/** Seeds steps 1–3 for a demo organization that has no segments yet (so running it twice changes nothing). */
export async function seedDemoDiscovery(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  const segments = DEMO_DISCOVERY[first.org.slug];
  if (!segments) return false;
  if (await hasDemoRows(first.db, first.org.id, 'segments')) return false;
  for (const demo of segments) {
    const segment = await createSegment(ctx(), {
      name: demo.name,
      kind: demo.kind,
      description: demo.description,
      sizeEstimate: demo.sizeEstimate,
    });
    if (demo.context) {
      const { evidence, ...texts } = demo.context;
      await saveSegmentContext(ctx(), segment.id, texts);
      for (const item of evidence ?? []) await createEvidence(ctx(), { ...item, subjectType: 'context', subjectId: segment.id });
    }
    for (const need of demo.needs) await createItem(ctx(), 'need', segment.id, need);
    const ids = new Map<string, string>();
    for (const pain of demo.pains) {
      const created = await createItem(ctx(), 'pain', segment.id, {
        text: pain.text,
        severity: pain.severity,
        frequency: pain.frequency,
        contextWhere: pain.where ?? '',
        contextWhen: pain.when ?? '',
        contextWho: pain.who ?? '',
        contextChannel: pain.channel ?? '',
        status: 'open',
      });
      ids.set(pain.key, created.id);
      for (const evidence of pain.evidence ?? []) await createEvidence(ctx(), { ...evidence, subjectType: 'pain', subjectId: created.id });
    }
    for (const gain of demo.gains)
      ids.set(gain.key, (await createItem(ctx(), 'gain', segment.id, { text: gain.text, relevance: gain.relevance })).id);
    for (const name of demo.products) await createValueItem(ctx(), segment.id, { kind: 'product', name, description: '', targetIds: [] });
    for (const item of demo.relievers) {
      await createValueItem(ctx(), segment.id, {
        kind: 'reliever',
        name: item.name,
        description: '',
        targetIds: item.answers.map((k) => ids.get(k) as string),
      });
    }
    for (const item of demo.creators) {
      await createValueItem(ctx(), segment.id, {
        kind: 'creator',
        name: item.name,
        description: '',
        targetIds: item.answers.map((k) => ids.get(k) as string),
      });
    }
    if (demo.canvas) {
      const canvas = await createCanvas(ctx(), { segmentId: segment.id, name: demo.canvas.name, currentLabel: '', targetLabel: '' });
      await saveCanvas(ctx(), canvas.id, {
        name: demo.canvas.name,
        currentLabel: '',
        targetLabel: '',
        competitors: demo.canvas.competitors.map((name) => ({ name })),
        factors: demo.canvas.factors.map((f) => ({ name: f.name, current: f.current, target: f.target, competitorLevels: f.competitors })),
      });
    }
  }
  return true;
}

/**
 * Binds the demo canvases' factors to the promises that measure them (a factor's current level
 * then follows its promise); runs after the promises are seeded. False when nothing was bound.
 */
export async function bindDemoMeasuredFactors(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  const measured = DEMO_MEASURED_FACTORS[first.org.slug] ?? {};
  const titles = new Map((DEMO_PROMISES[first.org.slug] ?? []).map((p) => [p.key, p.title]));
  const promiseIds = await idsByColumn(first.db, first.org.id, 'promises', 'title');
  const promiseOf = (factor: string) => promiseIds.get(titles.get(measured[factor] as string) ?? '') ?? null;
  const canvases = await Promise.all((await idsOf(first.db, first.org.id, 'canvases')).map((id) => getCanvas(first, id)));
  // Once any factor follows a promise, the demo has bound them (or an admin has since): left as it is.
  if (canvases.some((canvas) => canvas.factors.some((f) => f.promiseId !== null))) return false;
  let bound = false;
  for (const current of canvases) {
    if (!current.factors.some((f) => measured[f.name] && promiseOf(f.name))) continue;
    await saveCanvas(ctx(), current.id, {
      name: current.name,
      currentLabel: current.currentLabel,
      targetLabel: current.targetLabel,
      competitors: current.competitors,
      factors: current.factors.map((f) => ({
        id: f.id,
        name: f.name,
        current: f.manualCurrent,
        target: f.target,
        competitorLevels: f.competitorLevels,
        promiseId: measured[f.name] ? promiseOf(f.name) : f.promiseId,
      })),
    });
    bound = true;
  }
  return bound;
}
