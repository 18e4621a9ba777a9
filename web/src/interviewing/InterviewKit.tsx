import { Accordion, Badge, Card, List, Stack, Text, Title } from '@mantine/core';
import { humanize } from '../app/datetime';
import type { InterviewKitExtrasQuery, InterviewQuery } from '../graphql/graphql';

type Stage = NonNullable<InterviewQuery['interview']>['stage'];
type Extras = InterviewKitExtrasQuery['interviewKit'] | undefined;

function Bullets({ title, items }: { title: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <div>
      <Text fw={600} size="sm">
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

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

/** What an interviewer reads before and during the interview; nothing about the candidate's contact. */
export function InterviewKit({ stage, extras, profile }: { stage: Stage; extras: Extras; profile: string }) {
  return (
    <Stack gap="md" data-testid="interview-kit">
      <Section title="This stage">
        <Bullets title="Focus areas" items={stage.focusAreas} />
        <Bullets title="Success criteria" items={stage.successCriteria} />
        <Bullets title="Preparation tips" items={stage.preparationTips} />
        <Bullets title={`What ${humanize(profile).toLowerCase()} teams weigh most`} items={stage.interviewerWeighs} />
      </Section>

      {stage.rubric && (
        <Section title={`Rubric: ${stage.rubric.name}`}>
          <Text size="sm" c="dimmed">
            Scale {stage.rubric.scaleMin}–{stage.rubric.scaleMax}; each level has an anchor to compare against.
          </Text>
          {stage.rubric.criteria.map((criterion) => (
            <div key={criterion.id}>
              <Text fw={600} size="sm">
                {criterion.name}{' '}
                <Badge variant="outline" color="gray.7">
                  weight {criterion.weight}
                </Badge>
              </Text>
              <Text size="sm">{criterion.description}</Text>
              <List size="sm" spacing={2}>
                {criterion.levels.map((level) => (
                  <List.Item key={level.score}>
                    <strong>
                      {level.score} · {level.label}:
                    </strong>{' '}
                    {level.description}
                  </List.Item>
                ))}
              </List>
            </div>
          ))}
        </Section>
      )}

      {extras && extras.skillsToVerify.length > 0 && (
        <Section title="Skills to verify">
          {extras.skillsToVerify.map((requirement) => (
            <div key={requirement.skill.id}>
              <Text fw={600} size="sm">
                {requirement.skill.name}{' '}
                <Badge variant="outline" color={requirement.priority === 'MUST_VERIFY' ? 'red.9' : 'gray.7'}>
                  {requirement.priority === 'MUST_VERIFY' ? 'Must verify' : 'Good to verify'}
                </Badge>
              </Text>
              <Text size="sm">How: {requirement.verificationMethod}</Text>
              {requirement.minimumRequirement && <Text size="sm">Minimum: {requirement.minimumRequirement}</Text>}
              <Bullets title="Evaluate" items={requirement.evaluationCriteria} />
            </div>
          ))}
        </Section>
      )}

      <Section title="Questions">
        {stage.questions.length === 0 ? (
          <Text size="sm" c="dimmed">
            This stage has no questions from the bank.
          </Text>
        ) : (
          <Accordion multiple variant="contained" chevronPosition="left">
            {stage.questions.map((question) => (
              <Accordion.Item key={question.id} value={question.id}>
                <Accordion.Control>{question.prompt}</Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="xs">
                    <Text size="sm">
                      <strong>What we want to hear:</strong> {question.whatInterviewerWants}
                    </Text>
                    <Bullets title="Key points" items={question.keyPoints} />
                    {question.goodAnswerExample && (
                      <Text size="sm">
                        <strong>A good answer:</strong> {question.goodAnswerExample}
                      </Text>
                    )}
                    {question.badAnswerExample && (
                      <Text size="sm">
                        <strong>A bad answer:</strong> {question.badAnswerExample}
                      </Text>
                    )}
                    <Bullets title="Follow-ups" items={question.followUps} />
                    <Bullets title="Red flags" items={question.redFlags} />
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Section>

      {stage.practicalTask && (
        <Section title={`Practical task: ${stage.practicalTask.title}`}>
          <Text size="sm">{stage.practicalTask.description}</Text>
          <Text size="sm" c="dimmed">
            {stage.practicalTask.minDurationHours}–{stage.practicalTask.maxDurationHours} hours
          </Text>
          <Bullets title="Requirements" items={stage.practicalTask.requirements} />
          <Bullets title="Deliverables" items={stage.practicalTask.deliverables} />
          <Bullets title="Evaluation criteria" items={stage.practicalTask.evaluationCriteria} />
          <Bullets title="Common mistakes" items={stage.practicalTask.commonMistakes} />
          <Bullets title="Tips" items={stage.practicalTask.tips} />
        </Section>
      )}

      {extras && extras.candidateQuestions.length > 0 && (
        <Section title="Questions candidates often ask">
          {extras.candidateQuestions.map((question) => (
            <Text size="sm" key={question.id}>
              <strong>{question.prompt}</strong> {question.answerGuidance}
            </Text>
          ))}
        </Section>
      )}
    </Stack>
  );
}
