/** The four parts of a segment's context (step 2 at segment level), in the order they are shown. */
export const CONTEXT_FIELDS = ['situation', 'regulations', 'market', 'channels'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];
export type ContextTexts = Readonly<Record<ContextField, string>>;

export interface ContextFilling {
  /** How many of the four parts hold text (whitespace alone does not count): 0–4. */
  filledCount: number;
  /** Always 4: the journey's readiness shows "filledCount of fieldCount". */
  fieldCount: number;
  /** True only when all four parts are filled. */
  isComplete: boolean;
  /** The parts still empty, in display order. */
  missing: ContextField[];
}

/** How far a segment's context is filled; a context never written counts as four empty parts. */
export function contextFilling(texts: ContextTexts | null): ContextFilling {
  const missing = CONTEXT_FIELDS.filter((field) => (texts?.[field] ?? '').trim() === '');
  const filledCount = CONTEXT_FIELDS.length - missing.length;
  return { filledCount, fieldCount: CONTEXT_FIELDS.length, isComplete: missing.length === 0, missing };
}
