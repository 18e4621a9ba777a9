import {
  Accordion,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { humanize } from '../app/datetime';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import type { PlanTemplateQuery } from '../graphql/graphql';
import { PlanTemplateDocument, PlanTemplatesDocument } from './operations';

type Plan = NonNullable<PlanTemplateQuery['planTemplate']>;
type Stage = Plan['stages'][number];

/**
 * The interview plan templates at a glance: each stage with its settings, rubric (anchored levels
 * and weights), questions and practical task, and the skills the plan must verify. "Edit" opens the
 * editor (plan-editor/PlanEditorPage) on the chosen version.
 */
export default function PlanTemplatesPage() {
  const [params, setParams] = useSearchParams();
  const templates = useQuery(PlanTemplatesDocument);
  const selected = params.get('template') ?? templates.data?.planTemplates[0]?.id ?? null;
  const plan = useQuery(PlanTemplateDocument, { variables: { id: selected ?? '' }, skip: !selected });

  if (templates.error && !templates.data)
    return <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />;
  if (!templates.data) return <LoadingState label="Loading plan templates" />;

  return (
    <>
      <PageHeader
        title="Interview plan templates"
        subtitle="What each stage asks of interviewers and candidates. Positions copy a template when they are created; later edits create a new version and leave their copies alone."
        actions={
          <>
            <Select
              label="Template"
              data={templates.data.planTemplates.map((template) => ({
                value: template.id,
                label: `${template.name} (v${template.version})`,
              }))}
              value={selected}
              onChange={(value) => value && setParams({ template: value })}
              allowDeselect={false}
              w={320}
            />
            {selected && (
              <Button component={Link} to={`/admin/plan-templates/${selected}`} mt="auto">
                Edit this template
              </Button>
            )}
          </>
        }
      />
      {templates.data.planTemplates.length === 0 ? (
        <EmptyState title="No plan template">
          Load the built-in catalog (npm run seed) or create one through the API.
        </EmptyState>
      ) : plan.error && !plan.data ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : !plan.data ? (
        <LoadingState label="Loading the template" />
      ) : !plan.data.planTemplate ? (
        <EmptyState title="Template not found">
          It may have been replaced by a newer version; pick one above.
        </EmptyState>
      ) : (
        <PlanView plan={plan.data.planTemplate} />
      )}
    </>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  return (
    <Stack gap="lg">
      {plan.description && <Text>{plan.description}</Text>}
      <Accordion variant="separated" multiple defaultValue={[plan.stages[0]?.id ?? '']}>
        {plan.stages.map((stage) => (
          <Accordion.Item key={stage.id} value={stage.id} data-testid="plan-stage">
            <Accordion.Control>
              {stage.order}. {stage.name} · {humanize(stage.kind)} · {stage.durationMinutes} minutes
            </Accordion.Control>
            <Accordion.Panel>
              <StageView stage={stage} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Card withBorder component="section" aria-labelledby="skills-heading">
        <Title order={2} size="h4" id="skills-heading" mb="xs">
          Skills to verify
        </Title>
        {plan.skillRequirements.length === 0 ? (
          <Text size="sm" c="dimmed">
            The plan requires no skill.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Skills to verify">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Skill</Table.Th>
                  <Table.Th scope="col">Priority</Table.Th>
                  <Table.Th scope="col">Verified in</Table.Th>
                  <Table.Th scope="col">How</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.skillRequirements.map((requirement) => (
                  <Table.Tr key={requirement.skill.id}>
                    <Table.Td>{requirement.skill.name}</Table.Td>
                    <Table.Td>{humanize(requirement.priority)}</Table.Td>
                    <Table.Td>{requirement.verifiedIn.map((stage) => stage.name).join(', ') || '—'}</Table.Td>
                    <Table.Td>
                      {requirement.verificationMethod}
                      {requirement.minimumRequirement && ` (at least: ${requirement.minimumRequirement})`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

function Items({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </div>
  );
}

function StageView({ stage }: { stage: Stage }) {
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="outline" color="gray.7">
          Feedback due {stage.feedbackDueHours} h after the interview
        </Badge>
        <Badge variant="outline" color="gray.7">
          {stage.autoAdvance ? 'Advances by itself' : 'A person decides'}
        </Badge>
        <Badge variant="outline" color="gray.7">
          Pass threshold {stage.passThreshold ?? 'not set'}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Items title="Focus areas" items={stage.focusAreas} />
        <Items title="Participants" items={stage.participants} />
        <Items title="Success criteria" items={stage.successCriteria} />
        <Items title="Preparation tips" items={stage.preparationTips} />
      </SimpleGrid>
      {stage.rubric ? (
        <div>
          <Text size="sm" fw={600}>
            Rubric: {stage.rubric.name} (scale {stage.rubric.scaleMin}–{stage.rubric.scaleMax})
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" aria-label={`Rubric of ${stage.name}`} withRowBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Criterion</Table.Th>
                  <Table.Th scope="col">Weight</Table.Th>
                  <Table.Th scope="col">Levels</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stage.rubric.criteria.map((criterion) => (
                  <Table.Tr key={criterion.id}>
                    <Table.Th scope="row" fw={500}>
                      {criterion.name}
                      <Text size="xs" c="dimmed">
                        {criterion.description}
                      </Text>
                    </Table.Th>
                    <Table.Td>{criterion.weight}</Table.Td>
                    <Table.Td>
                      <List size="xs" spacing={2}>
                        {criterion.levels.map((level) => (
                          <List.Item key={level.score}>
                            <b>
                              {level.score} · {level.label}:
                            </b>{' '}
                            {level.description}
                          </List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      ) : (
        <Text size="sm" c="dimmed">
          No rubric: this stage cannot be scored.
        </Text>
      )}
      <Items
        title="Questions from the bank"
        items={stage.questions.map((question) => `${question.prompt} (${humanize(question.category).toLowerCase()})`)}
      />
      {stage.practicalTask && (
        <Text size="sm">
          <b>Practical task:</b> {stage.practicalTask.title} ({stage.practicalTask.minDurationHours}–
          {stage.practicalTask.maxDurationHours} hours)
        </Text>
      )}
    </Stack>
  );
}
