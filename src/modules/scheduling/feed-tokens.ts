import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Calendar feed URLs need no header: an HMAC of the user id is the credential. */
@Injectable()
export class FeedTokens {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The feed's URL path, `/calendar/<userId>/<token>.ics`. */
  path(userId: string): string {
    return `/calendar/${userId}/${this.sign(userId)}.ics`;
  }

  /** The feed's absolute URL, under PUBLIC_URL, for calendar apps to subscribe to. */
  url(userId: string): string {
    return `${this.config.http.publicUrl}${this.path(userId)}`;
  }

  verify(userId: string, token: string): boolean {
    const expected = Buffer.from(this.sign(userId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(userId: string): string {
    return createHmac('sha256', this.config.auth.accessSecret).update(`calendar-feed:${userId}`).digest('base64url');
  }
}
