import { ActionIcon, Button, Fieldset, Group, Input, Stack, Text, Textarea } from '@mantine/core';
import { useId } from 'react';

/**
 * A list of short texts (focus areas, participants, …): one labelled input per item, each with a
 * named remove button, and an add button. Blank items are dropped when the form is saved.
 */
export function EditableList({
  label,
  itemLabel,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  /** Names one item, e.g. "Focus area" (numbered: "Focus area 2"). */
  itemLabel: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  description?: string;
}) {
  const errorId = useId();
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text component="span" size="sm" fw={500}>
          {label}
        </Text>
      }
    >
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      <Stack gap={6} mt={4}>
        {value.map((item, index) => (
          <Group key={index} gap={6} wrap="nowrap" align="flex-start">
            <Textarea
              autosize
              minRows={1}
              // One line per item: the box only wraps long text.
              onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
              aria-label={`${itemLabel} ${index + 1}`}
              aria-describedby={error ? errorId : undefined}
              value={item}
              onChange={(event) => {
                const next = [...value];
                next[index] = event.currentTarget.value;
                onChange(next);
              }}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
              title={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
              onClick={() => onChange(value.filter((_, other) => other !== index))}
            >
              <span aria-hidden="true">×</span>
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="default" onClick={() => onChange([...value, ''])}>
            Add {itemLabel.toLowerCase()}
          </Button>
        </Group>
        {error && <Input.Error id={errorId}>{error}</Input.Error>}
      </Stack>
    </Fieldset>
  );
}

/** The items worth saving: trimmed, blanks left out. */
export const filled = (items: string[]) => items.map((item) => item.trim()).filter(Boolean);
