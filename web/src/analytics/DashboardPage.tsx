import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import {
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorBar } from 'recharts';
import { humanize } from '../app/datetime';
import { PageHeader } from '../components/PageHeader';
import { ActionError, EmptyState, ErrorState, LoadingState } from '../components/QueryState';
import type { AnalyticsFilter, AnalyticsTable, CompanyProfile, ExperienceLevel } from '../graphql/graphql';
import { LEVELS, PROFILES } from '../recruiting/labels';
import { AnalyticsCsvDocument, DashboardDocument, DashboardPositionsDocument, FunnelDocument } from './operations';

/** The seeds' benchmarks, shown beside the actual figures. */
const BENCHMARK = { successRate: 0.7, durationDays: '21–28' };

const percent = (value: number | null | undefined) => (value == null ? '—' : `${Math.round(value * 100)}%`);
const fixed = (value: number | null | undefined, digits = 1) => (value == null ? '—' : value.toFixed(digits));
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** The filter as the URL keeps it: ?positions=a,b&from=2026-01-01&to=2026-03-01&levels=SENIOR&profiles=STARTUP */
function useFilter() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<AnalyticsFilter>(() => {
    const result: AnalyticsFilter = {};
    const positions = list(params.get('positions'));
    const levels = list(params.get('levels')) as ExperienceLevel[];
    const profiles = list(params.get('profiles')) as CompanyProfile[];
    if (positions.length) result.positionIds = positions;
    if (levels.length) result.experienceLevels = levels;
    if (profiles.length) result.companyProfiles = profiles;
    if (params.get('from')) result.from = new Date(`${params.get('from')}T00:00:00Z`).toISOString();
    if (params.get('to')) result.to = new Date(`${params.get('to')}T00:00:00Z`).toISOString();
    return result;
  }, [params]);
  const set = (key: string, value: string | number | Array<string | number> | null) => {
    const next = new URLSearchParams(params);
    const text = Array.isArray(value) ? value.join(',') : value == null ? '' : String(value);
    if (text) next.set(key, text);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { filter, params, set };
}

export default function DashboardPage() {
  const { filter, params, set } = useFilter();
  const positions = useQuery(DashboardPositionsDocument);
  const { data, error, refetch, loading } = useQuery(DashboardDocument, { variables: { filter } });
  const funnelPositionId = String(
    params.get('funnel') ?? filter.positionIds?.[0] ?? positions.data?.positions[0]?.id ?? '',
  );
  const funnel = useQuery(FunnelDocument, {
    variables: { positionId: funnelPositionId, filter },
    skip: !funnelPositionId,
  });
  const positionOptions = (positions.data?.positions ?? []).map((position) => ({
    value: position.id,
    label: position.title,
  }));

  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle="How candidates move through the stages, how long it takes and how the panels judge. Filters are kept in the address, so a link shares the view."
      />
      <Card
        withBorder
        mb="md"
        component="form"
        role="search"
        aria-label="Filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <MultiSelect
            label="Positions"
            placeholder={filter.positionIds?.length ? undefined : 'All'}
            data={positionOptions}
            value={(filter.positionIds ?? []).map(String)}
            onChange={(value) => set('positions', value)}
            searchable
            clearable
          />
          <TextInput
            type="date"
            label="Applied from"
            value={params.get('from') ?? ''}
            onChange={(event) => set('from', event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="Applied before"
            value={params.get('to') ?? ''}
            onChange={(event) => set('to', event.currentTarget.value)}
          />
          <MultiSelect
            label="Levels"
            placeholder={filter.experienceLevels?.length ? undefined : 'All'}
            data={LEVELS.map((level) => ({ value: level, label: humanize(level) }))}
            value={filter.experienceLevels ?? []}
            onChange={(value) => set('levels', value)}
            clearable
          />
          <MultiSelect
            label="Company profiles"
            placeholder={filter.companyProfiles?.length ? undefined : 'All'}
            data={PROFILES.map((profile) => ({ value: profile, label: humanize(profile) }))}
            value={filter.companyProfiles ?? []}
            onChange={(value) => set('profiles', value)}
            clearable
          />
        </SimpleGrid>
      </Card>

      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <LoadingState label="Loading the figures" />
      ) : (
        <Stack gap="lg" aria-busy={loading}>
          <Section
            title="Summary"
            table="PIPELINE_SUMMARY"
            filter={filter}
            description={`Benchmarks from the seeds: about ${percent(BENCHMARK.successRate)} of decided applications hired, ${BENCHMARK.durationDays} days from application to decision.`}
          >
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Figure label="Applications" value={String(data.pipelineSummary.applications)} />
              <Figure
                label="Hired of decided"
                value={percent(data.pipelineSummary.overallSuccessRate)}
                note={`benchmark about ${percent(BENCHMARK.successRate)}`}
              />
              <Figure
                label="Median days to decision"
                value={fixed(data.pipelineSummary.medianDurationDays)}
                note={`benchmark ${BENCHMARK.durationDays} days`}
              />
              <Figure
                label="Hired / rejected / withdrawn"
                value={`${data.pipelineSummary.hired} / ${data.pipelineSummary.rejected} / ${data.pipelineSummary.withdrawn}`}
              />
            </SimpleGrid>
          </Section>

          <Section
            title="Stage funnel"
            table="STAGE_SUCCESS_RATES"
            filter={filter}
            positionId={funnelPositionId}
            description="Pass rate of each stage of one position, with its 95% interval (Wilson) as an error bar."
            extra={
              <Select
                label="Position of the funnel"
                data={positionOptions}
                value={funnelPositionId || null}
                onChange={(value) => set('funnel', value)}
                w={260}
                allowDeselect={false}
              />
            }
          >
            {!funnelPositionId ? (
              <EmptyState title="No position yet">Create a position to see its stage funnel.</EmptyState>
            ) : funnel.error ? (
              <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />
            ) : !funnel.data ? (
              <LoadingState label="Loading the funnel" />
            ) : (
              <>
                <BarChart
                  h={260}
                  data={funnel.data.stageSuccessRates.map((rate) => ({
                    stage: rate.stageName,
                    'Pass rate %': rate.passRate == null ? 0 : Math.round(rate.passRate * 100),
                    interval:
                      rate.passRate == null
                        ? [0, 0]
                        : [
                            Math.round(((rate.passRate ?? 0) - (rate.passRateLow ?? rate.passRate)) * 100),
                            Math.round(((rate.passRateHigh ?? rate.passRate) - (rate.passRate ?? 0)) * 100),
                          ],
                  }))}
                  dataKey="stage"
                  series={[{ name: 'Pass rate %', color: 'indigo.8' }]}
                  yAxisProps={{ domain: [0, 100] }}
                  withBarValueLabel
                  barProps={{ children: <ErrorBar dataKey="interval" width={6} stroke="#212529" /> }}
                />
                <DataTable
                  caption="Stage funnel"
                  head={[
                    'Stage',
                    'Entered',
                    'Passed',
                    'Failed',
                    'Withdrawn',
                    'In progress',
                    'Pass rate',
                    '95% interval',
                  ]}
                  rows={funnel.data.stageSuccessRates.map((rate) => [
                    rate.stageName,
                    rate.entered,
                    rate.passed,
                    rate.failed,
                    rate.withdrawn,
                    rate.inProgress,
                    percent(rate.passRate),
                    rate.passRateLow == null ? '—' : `${percent(rate.passRateLow)}–${percent(rate.passRateHigh)}`,
                  ])}
                />
              </>
            )}
          </Section>

          <Section title="By experience level" table="SUCCESS_RATES_BY_EXPERIENCE_LEVEL" filter={filter}>
            <BarChart
              h={220}
              data={data.successRatesByExperienceLevel.map((row) => ({
                level: humanize(row.experienceLevel),
                'Hired %': row.successRate == null ? 0 : Math.round(row.successRate * 100),
              }))}
              dataKey="level"
              series={[{ name: 'Hired %', color: 'teal.9' }]}
              withBarValueLabel
            />
            <DataTable
              caption="Success by experience level"
              head={['Level', 'Applications', 'Hired', 'Rejected', 'Active', 'Withdrawn', 'Hired of decided']}
              rows={data.successRatesByExperienceLevel.map((row) => [
                humanize(row.experienceLevel),
                row.applications,
                row.hired,
                row.rejected,
                row.active,
                row.withdrawn,
                percent(row.successRate),
              ])}
            />
          </Section>

          <WeeklyCohorts rows={data.weekly} filter={filter} />

          <Section
            title="Durations"
            table="STAGE_TIMINGS"
            filter={filter}
            description="Hours in each stage, from entering it to its first interview, and from an interview's end to its scorecards."
          >
            <BarChart
              h={240}
              data={data.stageTimings.map((row) => ({
                stage: humanize(row.stageKind),
                'In stage (h)': Math.round(row.averageHoursInStage ?? 0),
                'To schedule (h)': Math.round(row.averageHoursToFirstInterview ?? 0),
                'Scorecard turnaround (h)': Math.round(row.averageTurnaroundHours ?? 0),
              }))}
              dataKey="stage"
              series={[
                { name: 'In stage (h)', color: 'indigo.8' },
                { name: 'To schedule (h)', color: 'orange.8' },
                { name: 'Scorecard turnaround (h)', color: 'teal.9' },
              ]}
              withLegend
            />
            <DataTable
              caption="Durations by stage kind"
              head={[
                'Stage kind',
                'Entered',
                'Hours in stage',
                'Hours to first interview',
                'Turnaround hours',
                'On time',
              ]}
              rows={data.stageTimings.map((row) => [
                humanize(row.stageKind),
                row.entered,
                fixed(row.averageHoursInStage),
                fixed(row.averageHoursToFirstInterview),
                fixed(row.averageTurnaroundHours),
                percent(row.onTimeShare),
              ])}
            />
          </Section>

          <Section title="Rejection reasons" table="REJECTION_REASONS" filter={filter}>
            <DataTable
              caption="Rejection reasons by stage kind"
              head={['Stage kind', 'Reason', 'Rejections', 'Share of the stage’s failures']}
              rows={data.rejectionReasons.map((row) => [
                humanize(row.stageKind),
                humanize(row.reasonCode),
                row.rejections,
                percent(row.share),
              ])}
            />
          </Section>

          <Section
            title="Interviewer calibration"
            table="INTERVIEWER_CALIBRATION"
            filter={filter}
            description="Flagged: at least 10 scorecards and a mean deviation from the rest of the panel of 0.5 or more, either way."
          >
            <DataTable
              caption="Interviewer calibration"
              head={['Interviewer', 'Scorecards', 'Mean score', 'Deviation from panel', 'Agrees with outcome', 'Flag']}
              rows={data.interviewerCalibration.map((row) => [
                row.interviewer.name,
                row.scorecards,
                fixed(row.meanScore, 2),
                row.meanDeviationFromPanel == null
                  ? '—'
                  : `${row.meanDeviationFromPanel > 0 ? '+' : ''}${row.meanDeviationFromPanel.toFixed(2)}`,
                percent(row.agreementWithOutcome),
                row.flagged ? (
                  <Badge color="red.9" variant="outline">
                    Flagged
                  </Badge>
                ) : (
                  '—'
                ),
              ])}
            />
          </Section>

          <Section
            title="Question effectiveness"
            table="QUESTION_EFFECTIVENESS"
            filter={filter}
            description="How well a question's scores separate candidates who passed from those who failed (Cohen's d; larger separates better)."
          >
            <DataTable
              caption="Question effectiveness"
              head={['Question', 'Ratings', 'Mean if passed', 'Mean if failed', 'Separation', 'Effect size']}
              rows={data.questionEffectiveness.map((row) => [
                row.question.prompt,
                row.ratings,
                fixed(row.meanScorePassed, 2),
                fixed(row.meanScoreFailed, 2),
                fixed(row.separation, 2),
                fixed(row.effectSize, 2),
              ])}
            />
          </Section>
        </Stack>
      )}
    </>
  );
}

function WeeklyCohorts({
  rows,
  filter,
}: {
  rows: Array<{
    group: string;
    stageKind: string;
    passRate?: number | null;
    entered: number;
    passed: number;
    passRateLow?: number | null;
    passRateHigh?: number | null;
  }>;
  filter: AnalyticsFilter;
}) {
  const kinds = [...new Set(rows.map((row) => row.stageKind))];
  const weeks = [...new Set(rows.map((row) => row.group))].sort();
  const colors = ['indigo.8', 'teal.9', 'orange.8', 'grape.8', 'red.9', 'cyan.9'];
  const data = weeks.map((week) => ({
    week,
    ...Object.fromEntries(
      rows
        .filter((row) => row.group === week && row.passRate != null)
        .map((row) => [humanize(row.stageKind), Math.round(row.passRate! * 100)]),
    ),
  }));
  return (
    <Section
      title="Weekly cohorts"
      table="STAGE_RATES_BY_APPLIED_WEEK"
      filter={filter}
      description="Pass rate of each stage kind by the week (Monday, UTC) candidates applied."
    >
      {weeks.length === 0 ? (
        <EmptyState title="No applications in this range" />
      ) : (
        <LineChart
          h={240}
          data={data}
          dataKey="week"
          series={kinds.map((kind, index) => ({
            name: humanize(kind),
            color: colors[index % colors.length]!,
            strokeDasharray: index % 2 ? '5 5' : undefined,
          }))}
          withLegend
          yAxisProps={{ domain: [0, 100] }}
          connectNulls
        />
      )}
      <DataTable
        caption="Weekly cohorts"
        head={['Week', 'Stage kind', 'Entered', 'Passed', 'Pass rate', '95% interval']}
        rows={rows.map((row) => [
          row.group,
          humanize(row.stageKind),
          row.entered,
          row.passed,
          percent(row.passRate),
          row.passRateLow == null ? '—' : `${percent(row.passRateLow)}–${percent(row.passRateHigh)}`,
        ])}
      />
    </Section>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Stack gap={0} role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Stack>
  );
}

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  if (rows.length === 0) return <EmptyState title="Nothing to show for this filter" />;
  return (
    <Table.ScrollContainer minWidth={600} mah={360}>
      <Table striped withTableBorder captionSide="top" stickyHeader>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((cell) => (
              <Table.Th key={cell}>{cell}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={index}>
              {row.map((cell, column) => (
                <Table.Td key={column}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A titled card with a real CSV download of its table (the API's analyticsCsv). */
function Section({
  title,
  description,
  table,
  filter,
  positionId,
  extra,
  children,
}: {
  title: string;
  description?: string;
  table: AnalyticsTable;
  filter: AnalyticsFilter;
  positionId?: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const client = useApolloClient();
  const [downloading, setDownloading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const download = async () => {
    setDownloading(true);
    setFailure(null);
    try {
      const result = await client.query({
        query: AnalyticsCsvDocument,
        variables: { table, filter, positionId: positionId || null },
        fetchPolicy: 'network-only',
      });
      const url = URL.createObjectURL(new Blob([result.data!.analyticsCsv], { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${table.toLowerCase().replace(/_/g, '-')}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setFailure(error);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group justify="space-between" align="flex-end" mb="xs">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" maw={720}>
              {description}
            </Text>
          )}
        </Stack>
        <Group align="flex-end">
          {extra}
          <Button variant="default" size="xs" loading={downloading} onClick={() => void download()}>
            Download CSV<span className="visually-hidden">: {title}</span>
          </Button>
        </Group>
      </Group>
      <ActionError error={failure} />
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}
