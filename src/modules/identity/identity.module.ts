import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccessTokenVerifier } from '../../common/auth/access-token.guard';
import { AuthService } from './auth.service';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { IdentityResolver } from './identity.resolver';
import { UserDetailsResolver } from './user-details.resolver';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenCookie } from './refresh-token-cookie';
import { TokenService } from './token.service';
import { UserService } from './user.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key object made once: given the string, jsonwebtoken would make one on every verify.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.auth.accessSecret)) }),
    }),
  ],
  providers: [
    AuthService,
    TokenService,
    UserService,
    PasswordHasher,
    { provide: AccessTokenVerifier, useExisting: TokenService },
    IdentityResolver,
    UserDetailsResolver,
    RefreshTokenCookie,
    BootstrapAdminService,
  ],
  exports: [AccessTokenVerifier, UserService],
})
export class IdentityModule {}
