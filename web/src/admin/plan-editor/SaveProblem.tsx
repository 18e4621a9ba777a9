import { Alert, Button, Stack, Text } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { apiError } from '../../app/errors';
import { latestVersionId } from './serverErrors';
import { EDITOR_MOVE } from './unsavedEdits';

/**
 * Why a save was refused, in the API's words. A CONFLICT means the template changed since this
 * page loaded it (someone saved a newer version): nothing was written, and the latest version can
 * be opened to redo the edit there.
 */
export function SaveProblem({ error }: { error: unknown }) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const problem = apiError(error);
  if (!problem) return null;
  const conflict = problem.code === 'CONFLICT';
  const latestId = latestVersionId(error);
  return (
    <Alert color="red" role="alert" p="xs" title={conflict ? 'Someone changed this template' : undefined}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problem.message}</Text>
        {conflict && (
          <Button
            size="xs"
            variant="white"
            color="red.9"
            onClick={() =>
              void navigate(latestId ? `/admin/plan-templates/${latestId}${search}` : '/admin/plan-templates', {
                state: EDITOR_MOVE,
              })
            }
          >
            {latestId ? 'Open the latest version' : 'Back to the templates'}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
