import {
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { EditStageRubricDocument } from './operations';
import { SaveProblem } from './SaveProblem';
import { serverErrors } from './serverErrors';
import type { EditableStage } from './types';
import { useReportUnsavedEdits } from './unsavedEdits';

interface CriterionValues {
  name: string;
  description: string;
  weight: number | string;
  covers: string[];
  /** Label and anchor text by score, so changing the scale keeps what was written. */
  levels: Record<string, { label: string; description: string }>;
}

const DEFAULT_SCALE = { scaleMin: 1, scaleMax: 4 };

const emptyCriterion = (): CriterionValues => ({ name: '', description: '', weight: 1, covers: [], levels: {} });

const scores = (min: number, max: number) =>
  Number.isInteger(min) && Number.isInteger(max) && max >= min && max - min <= 10
    ? Array.from({ length: max - min + 1 }, (_, index) => min + index)
    : [];

/**
 * Replaces a stage's rubric (setStageRubric): its scale, and criteria with weights and an anchored
 * text for every level of the scale. The API checks that every score has a level, that weights are
 * positive and that the pass threshold still fits the scale.
 */
export function RubricForm({ stage, onSaved }: { stage: EditableStage; onSaved: (planId: string) => void }) {
  const [save, saving] = useMutation(EditStageRubricDocument);
  const rubric = stage.rubric;
  const form = useForm({
    initialValues: {
      name: rubric?.name ?? `${stage.name} rubric`,
      scaleMin: (rubric?.scaleMin ?? DEFAULT_SCALE.scaleMin) as number | string,
      scaleMax: (rubric?.scaleMax ?? DEFAULT_SCALE.scaleMax) as number | string,
      criteria: rubric
        ? rubric.criteria.map((criterion): CriterionValues => ({
            name: criterion.name,
            description: criterion.description,
            weight: criterion.weight,
            covers: criterion.covers,
            levels: Object.fromEntries(
              criterion.levels.map((level) => [
                String(level.score),
                { label: level.label, description: level.description },
              ]),
            ),
          }))
        : [emptyCriterion()],
    },
  });
  useReportUnsavedEdits('Rubric', form.isDirty());
  const errors = serverErrors(saving.error, ['rubric', 'passThreshold'], stage.order - 1);
  const field = (path: string) => errors.field(`rubric.${path}`);
  const scaleMin = Number(form.values.scaleMin);
  const scaleMax = Number(form.values.scaleMax);
  const levelScores = scores(scaleMin, scaleMax);

  const submit = form.onSubmit(async (values) => {
    const result = await save({
      variables: {
        input: {
          stageId: stage.id,
          rubric: {
            name: values.name,
            scaleMin: Number(values.scaleMin),
            scaleMax: Number(values.scaleMax),
            criteria: values.criteria.map((criterion) => ({
              name: criterion.name,
              description: criterion.description,
              weight: Number(criterion.weight === '' ? 0 : criterion.weight),
              covers: criterion.covers,
              levels: levelScores.map((score) => ({
                score,
                label: criterion.levels[String(score)]?.label ?? '',
                description: criterion.levels[String(score)]?.description ?? '',
              })),
            })),
          },
        },
      },
    }).catch(() => null);
    const saved = result?.data?.setStageRubric.stage;
    if (saved) {
      form.resetDirty();
      onSaved(saved.planId);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={`Rubric of ${stage.name}`}>
      <Stack>
        {!rubric && <Text size="sm">This stage has no rubric yet, so it cannot be scored. Saving creates one.</Text>}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Rubric name" required {...form.getInputProps('name')} error={field('name')} />
          <NumberInput
            label="Lowest score"
            allowDecimal={false}
            {...form.getInputProps('scaleMin')}
            error={field('scaleMin') ?? field('scale')}
          />
          <NumberInput
            label="Highest score"
            allowDecimal={false}
            {...form.getInputProps('scaleMax')}
            error={field('scaleMax')}
          />
        </SimpleGrid>
        {errors.field('passThreshold') && (
          <Alert color="red" role="alert" p="xs">
            Pass threshold: {errors.field('passThreshold')} (change it under Settings, or keep the scale).
          </Alert>
        )}
        {field('criteria') && !form.values.criteria.length && (
          <Text c="red.8" size="sm">
            {field('criteria')}
          </Text>
        )}
        {form.values.criteria.map((criterion, index) => {
          const at = `criteria.${index}`;
          const title = criterion.name.trim() || `Criterion ${index + 1}`;
          return (
            <Fieldset key={index} legend={`Criterion ${index + 1}`} data-testid="rubric-criterion">
              <Group justify="flex-end" gap={6} mb="xs">
                <Button
                  size="xs"
                  variant="default"
                  disabled={index === 0}
                  aria-label={`Move ${title} up`}
                  onClick={() => form.reorderListItem('criteria', { from: index, to: index - 1 })}
                >
                  Up
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={index === form.values.criteria.length - 1}
                  aria-label={`Move ${title} down`}
                  onClick={() => form.reorderListItem('criteria', { from: index, to: index + 1 })}
                >
                  Down
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  color="red.9"
                  aria-label={`Remove ${title}`}
                  onClick={() => form.removeListItem('criteria', index)}
                >
                  Remove
                </Button>
              </Group>
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={`Criterion ${index + 1} name`}
                    required
                    {...form.getInputProps(`${at}.name`)}
                    error={field(`${at}.name`)}
                  />
                  <NumberInput
                    label={`Criterion ${index + 1} weight`}
                    description="Relative to the other criteria."
                    decimalScale={2}
                    step={0.1}
                    {...form.getInputProps(`${at}.weight`)}
                    error={field(`${at}.weight`)}
                  />
                  <MultiSelect
                    label={`Criterion ${index + 1} judges`}
                    description="Success criteria of the stage."
                    data={[...new Set([...stage.successCriteria, ...criterion.covers])]}
                    {...form.getInputProps(`${at}.covers`)}
                    error={field(`${at}.covers`)}
                  />
                </SimpleGrid>
                <Textarea
                  label={`Criterion ${index + 1} description`}
                  autosize
                  minRows={1}
                  {...form.getInputProps(`${at}.description`)}
                  error={field(`${at}.description`)}
                />
                {levelScores.map((score) => {
                  const level = criterion.levels[String(score)] ?? { label: '', description: '' };
                  const setLevel = (change: Partial<typeof level>) =>
                    form.setFieldValue(`${at}.levels`, {
                      ...criterion.levels,
                      [String(score)]: { ...level, ...change },
                    });
                  return (
                    <SimpleGrid key={score} cols={{ base: 1, sm: 2 }} spacing="xs">
                      <TextInput
                        label={`Level ${score} label`}
                        aria-label={`Criterion ${index + 1}, level ${score} label`}
                        value={level.label}
                        onChange={(event) => setLevel({ label: event.currentTarget.value })}
                      />
                      <Textarea
                        label={`Level ${score} anchor`}
                        aria-label={`Criterion ${index + 1}, level ${score} anchor`}
                        autosize
                        minRows={1}
                        value={level.description}
                        onChange={(event) => setLevel({ description: event.currentTarget.value })}
                      />
                    </SimpleGrid>
                  );
                })}
                {field(`${at}.levels`) && (
                  <Text c="red.8" size="sm" role="alert">
                    Levels: {field(`${at}.levels`)}
                  </Text>
                )}
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button variant="default" onClick={() => form.insertListItem('criteria', emptyCriterion())}>
            Add criterion
          </Button>
        </Group>
        {errors.unplaced && <SaveProblem error={saving.error} />}
        {errors.problem && !errors.unplaced && (
          <Alert color="red" role="alert" p="xs">
            Nothing was saved: correct the fields marked above.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.loading}>
            Save rubric
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
