import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifyError, translateFieldError } from '../../shared/api/error-messages';
import type { Canvas } from '../../shared/api/types';
import { canvasApi } from './canvas.api';
import { bodyOf, type CanvasDraft, contentOf, draftOf, errorKeyOf, hasBlankNames, withoutBlankRows, withSaved } from './canvas-draft';
import { canvasMessageKeyOf } from './canvas-errors';

export type SaveStatus = 'readOnly' | 'saved' | 'pending' | 'saving' | 'blank' | 'invalid' | 'failed';

const DELAY_MS = 600;

/**
 * The canvas being edited, saved as a whole about 600 ms after the last change. Nothing is lost
 * silently: a refused save keeps the draft and shows why next to the field, leaving the page
 * sends what is pending, and closing the tab with unsaved changes asks first.
 */
export function useCanvasAutosave(org: string, initial: Canvas, canWrite: boolean) {
  const { t } = useTranslation();
  const [server, setServer] = useState(initial);
  const [draft, setDraft] = useState<CanvasDraft>(() => draftOf(initial));
  const [savedContent, setSavedContent] = useState(() => contentOf(draftOf(initial)));
  const [failedContent, setFailedContent] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isSaving, setSaving] = useState(false);
  const content = contentOf(draft);
  const isDirty = content !== savedContent;
  const isBlank = hasBlankNames(draft);
  const latest = useRef({ draft, isDirty, isBlank, savedContent });
  const isDeleted = useRef(false);
  useEffect(() => {
    latest.current = { draft, isDirty, isBlank, savedContent };
  });

  const save = useCallback(async () => {
    const sent = latest.current.draft;
    setSaving(true);
    try {
      const saved = await canvasApi.save(org, initial.id, bodyOf(sent));
      setServer(saved);
      setSavedContent(contentOf(sent));
      setDraft((current) => withSaved(current, sent, saved));
      setErrors({});
      setFailedContent(null);
    } catch (error) {
      setFailedContent(contentOf(sent));
      const next: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const field of error.fields) {
          const key = canvasMessageKeyOf(field);
          next[errorKeyOf(sent, field.path)] ??= key ? t(key) : translateFieldError(field);
        }
      }
      setErrors(next);
      if (Object.keys(next).length === 0) notifyError(error);
    } finally {
      setSaving(false);
    }
  }, [org, initial.id, t]);

  // Back to what is saved: a refused change made again is sent again, so its field error shows again.
  useEffect(() => {
    if (!isDirty) setFailedContent(null);
  }, [isDirty]);

  useEffect(() => {
    if (!canWrite || !isDirty || isBlank || isSaving || content === failedContent) return;
    const timer = setTimeout(() => void save(), DELAY_MS);
    return () => clearTimeout(timer);
  }, [canWrite, content, isDirty, isBlank, isSaving, failedContent, save]);

  useEffect(() => {
    if (!isDirty || !canWrite) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty, canWrite]);

  // Leaving the editor within the autosave delay still sends the last edits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on leaving; `latest` holds the state then
  useEffect(
    () => () => {
      const pending = latest.current;
      if (!canWrite || !pending.isDirty || isDeleted.current) return;
      // Unnamed rows cannot be saved; everything else is, and the person is told what was left out.
      const draft = pending.isBlank ? withoutBlankRows(pending.draft) : pending.draft;
      if (pending.isBlank) notifications.show({ color: 'orange', withBorder: true, message: t('canvas.status.leftBlank') });
      if (contentOf(draft) !== pending.savedContent) canvasApi.save(org, initial.id, bodyOf(draft)).catch(notifyError);
    },
    [],
  );

  const update = useCallback((change: (draft: CanvasDraft) => CanvasDraft) => setDraft(change), []);
  const clearError = useCallback(
    (key: string) =>
      setErrors((current) => {
        if (!(key in current)) return current;
        const { [key]: _removed, ...rest } = current;
        return rest;
      }),
    [],
  );

  const status: SaveStatus = !canWrite
    ? 'readOnly'
    : isSaving
      ? 'saving'
      : !isDirty
        ? 'saved'
        : isBlank
          ? 'blank'
          : content === failedContent
            ? Object.keys(errors).length > 0
              ? 'invalid'
              : 'failed'
            : 'pending';

  /** The canvas was deleted: pending edits have nowhere to go. */
  const markDeleted = useCallback(() => {
    isDeleted.current = true;
  }, []);

  return { draft, server, update, status, errors, clearError, isDirty, saveNow: save, markDeleted };
}
