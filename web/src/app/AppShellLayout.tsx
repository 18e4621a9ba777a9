import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment, Suspense } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LoadingState } from '../components/QueryState';
import { viewerTimeZone } from './datetime';
import { NAVIGATION } from './navigation';
import { NotificationsBell } from './NotificationsBell';
import { useCurrentUser, useSession } from './session';

export function AppShellLayout() {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const items = NAVIGATION.filter(
    (item) =>
      item.roles.some((role) => user.roles.includes(role)) &&
      !item.hiddenFor?.some((role) => user.roles.includes(role)),
  );

  return (
    <AppShell
      header={{ height: 56 }}
      // Below 992 px the navigation folds into a menu button, so tables keep the width.
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label="Toggle navigation"
              aria-expanded={opened}
            />
            <Text fw={700} component="span">
              Interview pipeline
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="xs" c="dimmed" visibleFrom="sm" title="Times are shown in this time zone">
              Times in {viewerTimeZone}
            </Text>
            <NotificationsBell />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={`Account of ${user.name}`} px="xs" py={4}>
                  <Text size="sm" fw={500}>
                    {user.name}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.email}</Menu.Label>
                <Menu.Label>Roles: {user.roles.join(', ').toLowerCase().replace(/_/g, ' ')}</Menu.Label>
                <Menu.Item component={RouterNavLink} to="/settings">
                  Settings
                </Menu.Item>
                <Menu.Item
                  onClick={async () => {
                    await signOut().catch(() => undefined);
                    await navigate('/sign-in', { replace: true });
                  }}
                >
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation" component="nav">
        {items.map((item, index) => (
          <Fragment key={item.to}>
            {item.section && items[index - 1]?.section !== item.section && (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4} component="h2">
                {item.section}
              </Text>
            )}
            {item.comingWith ? (
              <NavLink
                key={item.to}
                label={item.label}
                description={`Arrives with ${item.comingWith}`}
                disabled
                aria-disabled
              />
            ) : item.external ? (
              <NavLink
                key={item.to}
                component="a"
                href={item.to}
                target="_blank"
                rel="noopener noreferrer"
                label={item.label}
                description="Opens in a new tab"
                onClick={close}
              />
            ) : (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                label={item.label}
                active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
                onClick={close}
              />
            )}
          </Fragment>
        ))}
        <VisuallyHidden>Times are shown in {viewerTimeZone}</VisuallyHidden>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<LoadingState label="Loading the page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
