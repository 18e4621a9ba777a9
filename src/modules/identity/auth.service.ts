import { Injectable } from '@nestjs/common';
import { UnauthenticatedException } from '../../common/errors/domain.exception';
import { PasswordHasher } from './password-hasher';
import { TokenService, type IssuedTokens } from './token.service';
import { UserService } from './user.service';
import type { User } from './user.entity';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  /** Unknown email and wrong password fail alike, in about the same time. */
  async login(email: string, password: string): Promise<{ user: User; tokens: IssuedTokens }> {
    const user = await this.users.findForLogin(email);
    const matches = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !matches) throw new UnauthenticatedException('Wrong email or password.');
    return { user, tokens: await this.tokens.issue(user) };
  }
}
