import { Global, Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.interceptor';
import { MutationRateLimitGuard } from './mutation-rate-limit.guard';
import { RateLimits } from './rate-limits';

/** Shared rate limits (Redis counters); global so a module can put `LoginThrottle` on a resolver. */
@Global()
@Module({
  providers: [RateLimits, LoginThrottle, MutationRateLimitGuard],
  exports: [RateLimits, LoginThrottle, MutationRateLimitGuard],
})
export class RateLimitModule {}
