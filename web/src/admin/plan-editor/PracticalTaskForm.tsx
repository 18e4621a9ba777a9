import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { humanize } from '../../app/datetime';
import type { PlanEditorBankQuery } from '../../graphql/graphql';
import { EditPlanStageDocument } from './operations';
import { SaveProblem } from './SaveProblem';
import { serverErrors } from './serverErrors';
import type { EditableStage } from './types';
import { useReportUnsavedEdits } from './unsavedEdits';

type Task = PlanEditorBankQuery['practicalTasks'][number];

/** The practical task a stage gives (or none), from the bank's tasks (updatePlanStage's practicalTaskId). */
export function PracticalTaskForm({
  stage,
  tasks,
  onSaved,
}: {
  stage: EditableStage;
  tasks: Task[];
  onSaved: (planId: string) => void;
}) {
  const [save, saving] = useMutation(EditPlanStageDocument);
  const [taskId, setTaskId] = useState<string | null>(stage.practicalTask?.id ?? null);
  useReportUnsavedEdits('Practical task', taskId !== (stage.practicalTask?.id ?? null));
  const errors = serverErrors(saving.error, ['practicalTaskId'], stage.order - 1);
  const suits = (task: Task) => task.stageKinds.includes(stage.kind);
  const option = (task: Task) => ({
    value: task.id,
    label: `${task.title} (${task.minDurationHours}–${task.maxDurationHours} h)`,
  });
  const chosen = tasks.find((task) => task.id === taskId);
  // The current task stays choosable even when it was archived since.
  const current = stage.practicalTask && !chosen && taskId === stage.practicalTask.id ? stage.practicalTask : null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await save({ variables: { input: { stageId: stage.id, practicalTaskId: taskId } } }).catch(
      () => null,
    );
    const saved = result?.data?.updatePlanStage.stage;
    if (saved) onSaved(saved.planId);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Practical task of ${stage.name}`}>
      <Stack>
        <Select
          label="Practical task"
          description={`Tasks that suit a ${humanize(stage.kind).toLowerCase()} stage come first; empty: no task.`}
          placeholder="No practical task"
          clearable
          searchable
          data={[
            ...(current ? [{ group: 'Current task', items: [{ value: current.id, label: current.title }] }] : []),
            { group: `Suits ${humanize(stage.kind).toLowerCase()}`, items: tasks.filter(suits).map(option) },
            { group: 'Other tasks', items: tasks.filter((task) => !suits(task)).map(option) },
          ].filter((group) => group.items.length > 0)}
          value={taskId}
          onChange={setTaskId}
          error={errors.field('practicalTaskId')}
        />
        {chosen && (
          <Text size="sm" c="dimmed">
            {chosen.description}
          </Text>
        )}
        {errors.unplaced && <SaveProblem error={saving.error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.loading}>
            Save practical task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
