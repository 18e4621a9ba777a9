import { Alert, Button, Code, FileInput, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ActionError } from '../../components/QueryState';
import type { ImportCandidatesMutation } from '../../graphql/graphql';
import { CandidatesDocument, ImportCandidatesDocument } from '../operations';

const EXAMPLE = 'name,email,experienceLevel,phone,experienceYears,source,tags';

export function ImportCandidatesDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="Import candidates from CSV"
      size="xl"
    >
      {opened && <ImportForm onClose={onClose} />}
    </Modal>
  );
}

function ImportForm({ onClose }: { onClose: () => void }) {
  const [csv, setCsv] = useState('');
  const [imported, setImported] = useState<{
    csv: string;
    result: ImportCandidatesMutation['importCandidates'];
  } | null>(null);
  const [run, running] = useMutation(ImportCandidatesDocument, { refetchQueries: [CandidatesDocument] });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await run({ variables: { input: { csv } } }).catch(() => null);
    if (result?.data) setImported({ csv, result: result.data.importCandidates });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          A header line, then one candidate a line. Required columns: name, email, experienceLevel (JUNIOR, MID, SENIOR
          or STAFF); optional: phone, experienceYears, source, tags (separated by ;).
        </Text>
        <Code block>{EXAMPLE}</Code>
        <FileInput
          label="CSV file"
          accept=".csv,text/csv"
          clearable
          onChange={async (file) => setCsv(file ? await file.text() : '')}
        />
        <Textarea
          label="CSV text"
          description="Or paste the lines here."
          autosize
          minRows={5}
          maxRows={12}
          styles={{ input: { fontFamily: 'monospace' } }}
          value={csv}
          onChange={(event) => setCsv(event.currentTarget.value)}
        />
        <ActionError error={running.error} />
        {imported && <ImportResult csv={imported.csv} result={imported.result} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {imported ? 'Done' : 'Cancel'}
          </Button>
          <Button type="submit" loading={running.loading} disabled={!csv.trim() || imported?.csv === csv}>
            Import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The file's lines, each failed one with the server's message beside it. */
function ImportResult({ csv, result }: { csv: string; result: ImportCandidatesMutation['importCandidates'] }) {
  const errors = new Map(result.errors.map((error) => [error.line, error.message]));
  const lines = csv.split(/\r?\n/);
  return (
    <Stack gap="xs">
      <Alert color={result.errors.length ? 'red' : 'teal'} role="status">
        Imported {result.imported} {result.imported === 1 ? 'candidate' : 'candidates'}
        {result.errors.length
          ? `; ${result.errors.length} ${result.errors.length === 1 ? 'line' : 'lines'} refused.`
          : '.'}
      </Alert>
      {result.errors.length > 0 && (
        <Table.ScrollContainer minWidth={560} mah={300}>
          <Table verticalSpacing={4} fz="xs" aria-label="Lines of the file and their errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Line</Table.Th>
                <Table.Th scope="col">Content</Table.Th>
                <Table.Th scope="col">Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, index) =>
                index === 0 || errors.has(index + 1) ? (
                  <Table.Tr key={index} bg={errors.has(index + 1) ? 'red.0' : undefined} data-testid="import-line">
                    <Table.Td>{index + 1}</Table.Td>
                    <Table.Td style={{ fontFamily: 'monospace', whiteSpace: 'pre' }}>{line}</Table.Td>
                    <Table.Td c={errors.has(index + 1) ? 'red.9' : 'dimmed'}>
                      {errors.get(index + 1) ?? (index === 0 ? 'Header line' : '')}
                    </Table.Td>
                  </Table.Tr>
                ) : null,
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
