export { User } from './user.entity';
export { RefreshToken } from './refresh-token.entity';
export { UserType } from './graphql/user.type';
export { PasswordHasher } from './password-hasher';
export { UserService } from './user.service';
export { IdentityModule } from './identity.module';
export { TokenService } from './token.service';
export { RefreshTokenCookie } from './refresh-token-cookie';
