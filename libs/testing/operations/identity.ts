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
