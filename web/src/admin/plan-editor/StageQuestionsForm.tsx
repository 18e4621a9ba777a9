import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { humanize } from '../../app/datetime';
import type { PlanEditorBankQuery } from '../../graphql/graphql';
import { EditPlanStageDocument } from './operations';
import { SaveProblem } from './SaveProblem';
import { serverErrors } from './serverErrors';
import type { EditableStage } from './types';
import { useReportUnsavedEdits } from './unsavedEdits';

type BankQuestion = PlanEditorBankQuery['questions'][number];
type Picked = Pick<BankQuestion, 'id' | 'prompt' | 'category'>;

/** The questions asked in a stage, in order, picked from the bank (updatePlanStage's questionIds). */
export function StageQuestionsForm({
  stage,
  bank,
  onSaved,
}: {
  stage: EditableStage;
  bank: BankQuestion[];
  onSaved: (planId: string) => void;
}) {
  const [save, saving] = useMutation(EditPlanStageDocument);
  const [questions, setQuestions] = useState<Picked[]>(stage.questions);
  const [category, setCategory] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  useReportUnsavedEdits('Questions', dirty);
  const errors = serverErrors(saving.error, ['questionIds'], stage.order - 1);
  const update = (next: Picked[]) => {
    setQuestions(next);
    setDirty(true);
  };
  const move = (from: number, to: number) => {
    const next = [...questions];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    update(next);
  };
  const categories = [...new Set(bank.map((question) => question.category))].sort();
  const choices = bank.filter(
    (question) =>
      !questions.some((picked) => picked.id === question.id) && (!category || question.category === category),
  );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await save({
      variables: { input: { stageId: stage.id, questionIds: questions.map((question) => question.id) } },
    }).catch(() => null);
    const saved = result?.data?.updatePlanStage.stage;
    if (saved) {
      setDirty(false);
      onSaved(saved.planId);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Questions of ${stage.name}`}>
      <Stack>
        {questions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No question from the bank yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={`Questions asked in ${stage.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">#</Table.Th>
                  <Table.Th scope="col">Question</Table.Th>
                  <Table.Th scope="col">Category</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {questions.map((question, index) => (
                  <Table.Tr key={question.id} data-testid="stage-question">
                    <Table.Td>{index + 1}</Table.Td>
                    <Table.Td>{question.prompt}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color="gray.7">
                        {humanize(question.category)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          disabled={index === 0}
                          aria-label={`Move question ${index + 1} up`}
                          onClick={() => move(index, index - 1)}
                        >
                          Up
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          disabled={index === questions.length - 1}
                          aria-label={`Move question ${index + 1} down`}
                          onClick={() => move(index, index + 1)}
                        >
                          Down
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          color="red.9"
                          aria-label={`Remove question ${index + 1}`}
                          onClick={() => update(questions.filter((other) => other.id !== question.id))}
                        >
                          Remove
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Bank category"
            placeholder="Every category"
            clearable
            data={categories.map((value) => ({ value, label: humanize(value) }))}
            value={category}
            onChange={setCategory}
            w={220}
          />
          <Select
            label="Add a question from the bank"
            placeholder={choices.length ? 'Search the bank' : 'No other question in this category'}
            searchable
            data={choices.map((question) => ({ value: question.id, label: question.prompt }))}
            value={null}
            onChange={(id) => {
              const picked = bank.find((question) => question.id === id);
              if (picked) update([...questions, picked]);
            }}
            nothingFoundMessage="No question matches"
            style={{ flex: 1, minWidth: 260 }}
            error={errors.field('questionIds')}
          />
        </Group>
        {errors.unplaced && <SaveProblem error={saving.error} />}
        {dirty && !saving.error && (
          <Alert color="blue" p="xs">
            Unsaved changes to the questions.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.loading}>
            Save questions
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
