import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { humanize } from '../../app/datetime';
import type { ExperienceLevel } from '../../graphql/graphql';
import { EditableList, filled } from './EditableList';
import { EditPlanStageDocument } from './operations';
import { SaveProblem } from './SaveProblem';
import { serverErrors } from './serverErrors';
import type { EditableStage } from './types';
import { useReportUnsavedEdits } from './unsavedEdits';

const LEVELS: ExperienceLevel[] = ['JUNIOR', 'MID', 'SENIOR', 'STAFF'];
const FIELDS = [
  'name',
  'durationMinutes',
  'feedbackDueHours',
  'passThreshold',
  'autoAdvance',
  'requiredFromLevel',
  'focusAreas',
  'participants',
  'successCriteria',
  'preparationTips',
];

/** A stage's own settings and its lists, saved with updatePlanStage. */
export function StageSettingsForm({ stage, onSaved }: { stage: EditableStage; onSaved: (planId: string) => void }) {
  const [save, saving] = useMutation(EditPlanStageDocument);
  const form = useForm({
    initialValues: {
      name: stage.name,
      durationMinutes: stage.durationMinutes as number | string,
      feedbackDueHours: stage.feedbackDueHours as number | string,
      passThreshold: (stage.passThreshold ?? '') as number | string,
      autoAdvance: stage.autoAdvance,
      requiredFromLevel: stage.requiredFromLevel ?? null,
      focusAreas: stage.focusAreas,
      participants: stage.participants,
      successCriteria: stage.successCriteria,
      preparationTips: stage.preparationTips,
    },
  });
  useReportUnsavedEdits('Settings', form.isDirty());
  const errors = serverErrors(saving.error, FIELDS, stage.order - 1);
  const error = (field: string) => (form.errors[field] as string | undefined) ?? errors.field(field);

  const submit = form.onSubmit(async (values) => {
    const result = await save({
      variables: {
        input: {
          stageId: stage.id,
          name: values.name,
          // The API checks the numbers; an empty box is sent as it is so its message shows.
          durationMinutes: Number(values.durationMinutes === '' ? 0 : values.durationMinutes),
          feedbackDueHours: Number(values.feedbackDueHours === '' ? 0 : values.feedbackDueHours),
          passThreshold: values.passThreshold === '' ? null : Number(values.passThreshold),
          autoAdvance: values.autoAdvance,
          requiredFromLevel: values.requiredFromLevel,
          focusAreas: filled(values.focusAreas),
          participants: filled(values.participants),
          successCriteria: filled(values.successCriteria),
          preparationTips: filled(values.preparationTips),
        },
      },
    }).catch(() => null);
    const saved = result?.data?.updatePlanStage.stage;
    if (saved) {
      form.resetDirty();
      onSaved(saved.planId);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={`Settings of ${stage.name}`}>
      <Stack>
        <TextInput label="Stage name" required {...form.getInputProps('name')} error={error('name')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label="Duration (minutes)"
            min={1}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
            error={error('durationMinutes')}
          />
          <NumberInput
            label="Feedback due (hours after the interview)"
            min={1}
            allowDecimal={false}
            {...form.getInputProps('feedbackDueHours')}
            error={error('feedbackDueHours')}
          />
          <NumberInput
            label="Pass threshold"
            description={
              stage.rubric
                ? `Weighted rubric average, ${stage.rubric.scaleMin}–${stage.rubric.scaleMax}; empty for none.`
                : 'Needs a rubric; leave empty.'
            }
            decimalScale={2}
            step={0.1}
            {...form.getInputProps('passThreshold')}
            error={error('passThreshold')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Switch
            label="Advance by itself"
            description="When on, the stage decision applies without waiting for a person."
            {...form.getInputProps('autoAdvance', { type: 'checkbox' })}
            error={error('autoAdvance')}
          />
          <Select
            label="Required from level"
            placeholder="Every level"
            description="Positions below this level skip the stage; empty: every level."
            clearable
            data={LEVELS.map((value) => ({ value, label: humanize(value) }))}
            {...form.getInputProps('requiredFromLevel')}
            error={error('requiredFromLevel')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <EditableList
            label="Focus areas"
            itemLabel="Focus area"
            value={form.values.focusAreas}
            onChange={(value) => form.setFieldValue('focusAreas', value)}
            error={error('focusAreas')}
          />
          <EditableList
            label="Participants"
            itemLabel="Participant"
            description="Role titles, e.g. Technical lead."
            value={form.values.participants}
            onChange={(value) => form.setFieldValue('participants', value)}
            error={error('participants')}
          />
          <EditableList
            label="Success criteria"
            itemLabel="Success criterion"
            value={form.values.successCriteria}
            onChange={(value) => form.setFieldValue('successCriteria', value)}
            error={error('successCriteria')}
          />
          <EditableList
            label="Preparation tips"
            itemLabel="Preparation tip"
            value={form.values.preparationTips}
            onChange={(value) => form.setFieldValue('preparationTips', value)}
            error={error('preparationTips')}
          />
        </SimpleGrid>
        {errors.unplaced && <SaveProblem error={saving.error} />}
        {errors.problem && !errors.unplaced && (
          <Alert color="red" role="alert" p="xs">
            Nothing was saved: correct the fields marked above.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.loading}>
            Save stage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
