import { Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime, humanize } from '../app/datetime';
import type { Recommendation, ScorecardFieldsFragment } from '../graphql/graphql';

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  STRONG_YES: 'Strong yes',
  YES: 'Yes',
  NO: 'No',
  STRONG_NO: 'Strong no',
};

/** The anchored level names of a stage's rubric, by criterion id and score, when the caller has them. */
export type LevelNames = Record<string, Record<number, string>>;

/**
 * A submitted scorecard as text to read (not a form with its inputs greyed out): the recommendation
 * first, then each criterion's level and evidence, skill verdicts, question scores, red flags, notes
 * and any amendments with their reasons.
 */
export function ScorecardReadout({
  card,
  title,
  levels = {},
  testId,
}: {
  card: ScorecardFieldsFragment;
  /** A heading of its own (a colleague's name); left out, the caller's heading stands above it. */
  title?: string;
  levels?: LevelNames;
  testId?: string;
}) {
  const recommendation = card.recommendation ? RECOMMENDATION_LABELS[card.recommendation] : 'None given';
  return (
    <Card withBorder data-testid={testId} component="article" aria-label={title ?? 'Your submitted scorecard'}>
      <Stack gap="sm">
        {title && (
          <Group gap="xs">
            <Title order={3} size="h5">
              {title}
            </Title>
            <Badge variant="outline" color={card.status === 'SUBMITTED' ? 'teal.9' : 'gray.7'}>
              {humanize(card.status)}
            </Badge>
          </Group>
        )}
        <Text size="sm">
          <Text span fw={600}>
            Recommendation: {recommendation}
          </Text>
          {card.weightedScore != null && ` · weighted score ${card.weightedScore.toFixed(2)}`}
          {card.submittedAt && ` · submitted ${formatDateTime(card.submittedAt)}`}
        </Text>

        {card.ratings.length > 0 && (
          <Table withRowBorders verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Criterion</Table.Th>
                <Table.Th scope="col">Level</Table.Th>
                <Table.Th scope="col">Evidence</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.ratings.map((rating) => {
                const level = levels[rating.criterion.id]?.[rating.score];
                return (
                  <Table.Tr key={rating.criterion.id}>
                    <Table.Th scope="row" fw={500}>
                      {rating.criterion.name}
                    </Table.Th>
                    <Table.Td>{level ? `${rating.score} · ${level}` : rating.score}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{rating.evidence || '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}

        {card.skillVerdicts.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Skill verdicts
            </Text>
            <List size="sm" spacing={2}>
              {card.skillVerdicts.map((entry) => (
                <List.Item key={entry.skill.id}>
                  {entry.skill.name}: {humanize(entry.verdict)}
                  {entry.evidence && ` — ${entry.evidence}`}
                </List.Item>
              ))}
            </List>
          </div>
        )}

        {card.questionRatings.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Questions asked
            </Text>
            <List size="sm" spacing={2}>
              {card.questionRatings.map((rating) => (
                <List.Item key={rating.question.id}>
                  {rating.question.prompt}: {rating.score}
                  {rating.note && ` — ${rating.note}`}
                </List.Item>
              ))}
            </List>
          </div>
        )}

        <Text size="sm">
          <Text span fw={600}>
            Red flags:
          </Text>{' '}
          {card.redFlags.length ? card.redFlags.join(', ') : 'none observed'}
        </Text>
        {card.notes && (
          <div>
            <Text size="sm" fw={600}>
              Notes
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {card.notes}
            </Text>
          </div>
        )}
        {card.amendments.map((amendment) => (
          <Text size="xs" c="dimmed" key={amendment.createdAt}>
            Amended {formatDateTime(amendment.createdAt)} by {amendment.author.name}: {amendment.reason}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
