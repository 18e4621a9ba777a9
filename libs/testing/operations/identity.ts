import { operation } from './operation';

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  roles: string[];
  timezone?: string;
}

export const LOGIN = operation<
  { login: { accessToken: string; refreshToken: string; user: { email: string } } },
  { input: { email: string; password: string } }
>(`mutation Login($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken user { email } }
}`);

export const REFRESH_TOKEN = operation<
  { refreshToken: { accessToken: string; refreshToken: string } },
  { token: string }
>(`mutation RefreshToken($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken } }`);

export const REVOKE_REFRESH_TOKEN = operation<
  { revokeRefreshToken: { revoked: boolean } },
  { input: { refreshToken: string } }
>(`mutation RevokeRefreshToken($input: RevokeRefreshTokenInput!) { revokeRefreshToken(input: $input) { revoked } }`);

export const ME = operation<{ me: { email: string; roles: string[]; timezone: string } }>(
  `query Me { me { email roles timezone } }`,
);

export const CREATE_USER = operation<
  { createUser: { user: { id: string; email: string; name: string; roles: string[]; timezone: string } } },
  { input: CreateUserInput }
>(`mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { user { id email name roles timezone } }
}`);

export const USERS = operation<{ users: Array<{ email: string }> }, { role?: string }>(
  `query Users($role: Role) { users(role: $role) { email } }`,
);

export const UPDATE_USER = operation<
  {
    updateUser: {
      user: {
        id: string;
        name: string;
        roles: string[];
        timezone: string;
        workdayStartHour: number;
        workdayEndHour: number;
      };
    };
  },
  {
    input: {
      userId: string;
      name?: string;
      roles?: string[];
      timezone?: string;
      workdayStartHour?: number;
      workdayEndHour?: number;
    };
  }
>(
  `mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { user { id name roles timezone workdayStartHour workdayEndHour } } }`,
);

export const DEACTIVATE_USER = operation<
  { deactivateUser: { user: { id: string }; affectedInterviewIds: string[] } },
  { input: { userId: string } }
>(
  `mutation DeactivateUser($input: UserIdInput!) { deactivateUser(input: $input) { user { id } affectedInterviewIds } }`,
);

export const REACTIVATE_USER = operation<{ reactivateUser: { user: { id: string } } }, { input: { userId: string } }>(
  `mutation ReactivateUser($input: UserIdInput!) { reactivateUser(input: $input) { user { id } } }`,
);

export const CHANGE_PASSWORD = operation<
  { changePassword: { endedSessions: number } },
  { input: { currentPassword: string; newPassword: string } }
>(`mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { endedSessions } }`);
