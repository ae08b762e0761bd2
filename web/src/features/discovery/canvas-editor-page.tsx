import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { canvasApi } from './canvas.api';
import { CanvasEditor } from './canvas-editor';

/** Loads a canvas and hands it to the editor (a new editor per canvas, so no draft leaks between them). */
export function CanvasEditorPage() {
  const { t } = useTranslation();
  const { org } = useOrg();
  const { id = '' } = useParams();
  const canvas = useResource(() => canvasApi.get(org.slug, id), `${org.slug}|${id}`);
  const back = (
    <Anchor component={Link} to={`/o/${org.slug}/canvases`} size="sm">
      ← {t('canvas.backToList')}
    </Anchor>
  );
  if (canvas.isLoading && !canvas.data) return <LoadingState />;
  if (canvas.error || !canvas.data) {
    return (
      <Stack>
        {back}
        <ErrorState error={canvas.error} onRetry={canvas.reload} />
      </Stack>
    );
  }
  return <CanvasEditor key={canvas.data.id} initial={canvas.data} back={back} />;
}
