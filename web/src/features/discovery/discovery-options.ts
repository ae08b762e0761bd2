/**
 * The server's enumerations (discovery.schema.ts), repeated so that the web bundle does not carry
 * the schemas; discovery-options.test.ts keeps both lists equal and every label translated.
 */
import type { ErrcAction, EvidenceKind, JobKind, PainStatus, SegmentKind } from '../../shared/api/types';

export const SEGMENT_KINDS: readonly SegmentKind[] = ['customer', 'citizen', 'partner'];
export const JOB_KINDS: readonly JobKind[] = ['functional', 'social', 'emotional'];
export const PAIN_STATUSES: readonly PainStatus[] = ['open', 'answered', 'retired'];
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['interview', 'observation', 'feedback', 'metric', 'document'];
/** The four boxes of the grid, in the order the method names them; `unchanged` is not a box. */
export const ERRC_BOXES: readonly Exclude<ErrcAction, 'unchanged'>[] = ['eliminate', 'reduce', 'raise', 'create'];

export const SEGMENT_KIND_COLORS: Record<SegmentKind, string> = { customer: 'blue', citizen: 'teal', partner: 'grape' };
export const JOB_KIND_COLORS: Record<JobKind, string> = { functional: 'blue', social: 'grape', emotional: 'pink' };
export const PAIN_STATUS_COLORS: Record<PainStatus, string> = { open: 'orange', answered: 'teal', retired: 'gray' };
export const ERRC_COLORS: Record<ErrcAction, string> = {
  eliminate: 'red',
  reduce: 'orange',
  raise: 'blue',
  create: 'teal',
  unchanged: 'gray',
};

/** Priority = severity × frequency (1–25): the colour says how urgent a pain is at a glance. */
export function priorityColor(priority: number): string {
  if (priority >= 15) return 'red';
  if (priority >= 8) return 'orange';
  return 'yellow';
}

/** Every translation key built at run time from the lists above (for the dictionary test). */
export function dynamicKeys(): string[] {
  return [
    ...SEGMENT_KINDS.flatMap((kind) => [`segments.kinds.${kind}`, `segments.kindHints.${kind}`]),
    ...JOB_KINDS.map((kind) => `workspace.jobKinds.${kind}`),
    ...PAIN_STATUSES.map((status) => `workspace.painStatuses.${status}`),
    ...EVIDENCE_KINDS.map((kind) => `evidence.kinds.${kind}`),
    ...(['eliminate', 'reduce', 'raise', 'create', 'unchanged'] as const).flatMap((a) => [`canvas.errc.${a}`, `canvas.errcHints.${a}`]),
    ...(['product', 'reliever', 'creator'] as const).flatMap((kind) => [
      `workspace.valueKinds.${kind}`,
      `workspace.valueEmpty.${kind}`,
      `workspace.valueAdd.${kind}`,
    ]),
    ...(['need', 'pain', 'gain'] as const).flatMap((kind) => [
      `workspace.profileTitles.${kind}`,
      `workspace.profileEmpty.${kind}`,
      `workspace.profileAdd.${kind}`,
      `workspace.deleteConfirm.${kind}`,
    ]),
    ...(['need', 'pain', 'gain'] as const).flatMap((kind) => [
      `workspace.createTitles.${kind}`,
      `workspace.editTitles.${kind}`,
      `workspace.textLabels.${kind}`,
      `workspace.textPlaceholders.${kind}`,
      `workspace.subjectKinds.${kind}`,
    ]),
    ...(['product', 'reliever', 'creator'] as const).flatMap((kind) => [
      `workspace.valueCreateTitles.${kind}`,
      `workspace.valueEditTitles.${kind}`,
      `workspace.valuePlaceholders.${kind}`,
    ]),
    ...(['importance', 'severity', 'frequency', 'relevance'] as const).flatMap((field) => [`workspace.${field}`, `workspace.${field}Hint`]),
    ...(['where', 'when', 'who', 'channel'] as const).map((key) => `workspace.context.${key}`),
    ...(['contextWhere', 'contextWhen', 'contextWho', 'contextChannel'] as const).flatMap((field) => [
      `workspace.contextLabels.${field}`,
      `workspace.contextPlaceholders.${field}`,
    ]),
    ...(['readOnly', 'saved', 'pending', 'saving', 'blank', 'invalid', 'failed'] as const).map((status) => `canvas.status.${status}`),
    ...(['type', 'text', 'jobKind', 'importance', 'severity', 'frequency', 'context', 'status'] as const).map(
      (key) => `importCsv.help.${key}`,
    ),
    ...['evidence.count_one', 'evidence.count_few', 'evidence.count_many', 'evidence.count_other'],
    ...[
      'type',
      'text',
      'jobKind',
      'importance',
      'severity',
      'frequency',
      'contextWhere',
      'contextWhen',
      'contextWho',
      'contextChannel',
      'status',
    ].map((column) => `importCsv.columns.${column}`),
  ];
}
