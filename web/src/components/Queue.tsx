import { Badge, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One of the exchange's review queues on the home page: its title, how many wait, why, and the list. */
export function Queue({ id, title, count, more, hint, children }: { id: string; title: string; count: number | undefined; more?: boolean; hint: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} data-testid={`queue-${id}`}>
      <Group gap="xs" mb={4}>
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {count !== undefined && (
          <Badge color={count > 0 ? 'orange' : 'gray'} variant={count > 0 ? 'filled' : 'light'}>
            {count}
            {more ? '+' : ''}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {hint}
      </Text>
      {children}
    </section>
  );
}
