import { useCallback, useEffect, useState } from 'react';
import { draftOf, NEW_TERMS, type Terms, type TermsDraft } from './promise-draft';
import type { PromiseInput, PromiseItem, PromiseKind, PromisePatch } from './promises.api';

/** Where a new promise starts: a pain of a segment ("answer this pain with a promise"), or nothing. */
export interface PromiseStart {
  kind?: PromiseKind;
  segmentId?: string;
  painIds?: string[];
  /** The pain's words, shown at the top of the form. */
  painText?: string;
}

/** What the promise form holds: the parties, the pains answered, the backing needed and the terms as typed. */
export interface PromiseFormValues {
  title: string;
  kind: PromiseKind;
  teamId: string | null;
  segmentId: string | null;
  promiseeTeamId: string | null;
  supportsId: string | null;
  painIds: string[];
  capabilityIds: string[];
  rightIds: string[];
  /** Events a week expected, as typed ('' when none): the demand set against capacity until 4 weeks of events exist. */
  demandForecast: number | string;
  terms: TermsDraft;
}

/** The form's first values: the draft being edited, or a new promise from where it starts (a pain, a kind). */
export function promiseFormValuesOf(
  promise: PromiseItem | null | undefined,
  start: PromiseStart | null | undefined,
  currency: string,
): PromiseFormValues {
  if (promise) {
    return {
      title: promise.title,
      kind: promise.kind,
      teamId: promise.promiserTeam?.id ?? null,
      segmentId: promise.promiseeSegment?.id ?? null,
      promiseeTeamId: promise.promiseeTeam?.id ?? null,
      supportsId: promise.supportsPromiseId,
      painIds: promise.painIds,
      capabilityIds: promise.requiredCapabilityIds,
      rightIds: promise.requiredRightIds,
      demandForecast: promise.demandForecastPerWeek ?? '',
      terms: draftOf(promise.terms, currency),
    };
  }
  return {
    title: '',
    kind: start?.kind ?? 'client',
    teamId: null,
    segmentId: start?.segmentId ?? null,
    promiseeTeamId: null,
    supportsId: null,
    painIds: start?.painIds ?? [],
    capabilityIds: [],
    rightIds: [],
    demandForecast: '',
    terms: NEW_TERMS,
  };
}

/**
 * What the form can tell before asking the server, as [field path, translation key]: a title, and for
 * a new promise who promises and to whom. The parties of a draft are fixed, so an edit checks only the title.
 * An admin or the council may leave the team out of a client promise: an intention with no team yet.
 */
export function missingPartsOf(values: PromiseFormValues, isEdit: boolean, allowsIntention = false): [string, string][] {
  const missing: [string, string][] = [];
  if (!values.title.trim()) missing.push(['title', 'validation.required']);
  if (isEdit) return missing;
  if (!values.teamId && !(allowsIntention && values.kind === 'client')) missing.push(['promiserTeamId', 'validation.required']);
  if (values.kind === 'client' && !values.segmentId) missing.push(['promiseeSegmentId', 'promises.errors.segmentRequired']);
  if (values.kind === 'internal' && !values.promiseeTeamId) missing.push(['promiseeTeamId', 'promises.errors.promiseeTeamRequired']);
  return missing;
}

/** A new promise as the API takes it: a client promise names a segment and its pains, an internal one a team. */
export function promiseInputOf(values: PromiseFormValues, terms: Terms): PromiseInput {
  return {
    title: values.title.trim(),
    kind: values.kind,
    // None: an intention to the segment, with no team yet.
    promiserTeamId: values.teamId,
    ...(values.kind === 'client'
      ? { promiseeSegmentId: values.segmentId as string, painIds: values.painIds }
      : { promiseeTeamId: values.promiseeTeamId as string, painIds: [] }),
    ...(values.kind === 'internal' && values.supportsId ? { supportsPromiseId: values.supportsId } : {}),
    ...terms,
    requiredCapabilityIds: values.capabilityIds,
    requiredRightIds: values.rightIds,
    ...(values.demandForecast !== '' ? { demandForecastPerWeek: Number(values.demandForecast) } : {}),
  };
}

/** A draft's change: everything but the parties, which a draft keeps. */
export function promisePatchOf(values: PromiseFormValues, terms: Terms): PromisePatch {
  return {
    title: values.title.trim(),
    ...terms,
    painIds: values.painIds,
    requiredCapabilityIds: values.capabilityIds,
    requiredRightIds: values.rightIds,
    demandForecastPerWeek: values.demandForecast === '' ? null : Number(values.demandForecast),
  };
}

/** The form's values, starting afresh each time it opens; `update` merges a change, `updateTerms` one of the terms. */
export function usePromiseFormValues(
  opened: boolean,
  promise: PromiseItem | null | undefined,
  start: PromiseStart | null | undefined,
  currency: string,
) {
  const [values, setValues] = useState<PromiseFormValues>(() => promiseFormValuesOf(promise, start, currency));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts again each time it opens
  useEffect(() => {
    if (opened) setValues(promiseFormValuesOf(promise, start, currency));
  }, [opened]);
  const update = useCallback((patch: Partial<PromiseFormValues>) => setValues((current) => ({ ...current, ...patch })), []);
  const updateTerms = useCallback(
    (patch: Partial<TermsDraft>) => setValues((current) => ({ ...current, terms: { ...current.terms, ...patch } })),
    [],
  );
  return { values, update, updateTerms };
}
