export { User } from './user.entity';
export { RefreshToken } from './refresh-token.entity';
export { UserType, userJson, type UserJson } from './graphql/user.type';
export { PasswordHasher } from './password-hasher';
export { UserService } from './user.service';
export { IdentityModule } from './identity.module';
export { TokenService, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './token.service';
export { RefreshTokenCookie } from './refresh-token-cookie';
