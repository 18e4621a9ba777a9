import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { FeedTokens } from './feed-tokens';
import { InterviewsService } from './interviews.service';

/** `GET /calendar/<userId>/<token>.ics`: a user's interviews for calendar apps, which send no headers. */
@Controller('calendar')
export class CalendarFeedController {
  constructor(
    private readonly tokens: FeedTokens,
    private readonly interviews: InterviewsService,
  ) {}

  @Get(':userId/:file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(@Param('userId') userId: string, @Param('file') file: string): Promise<string> {
    const token = file.replace(/\.ics$/, '');
    if (!/^[0-9a-f-]{36}$/.test(userId) || !this.tokens.verify(userId, token)) {
      throw new NotFoundException('No such calendar.');
    }
    const feed = await this.interviews.feed(userId);
    if (feed === null) throw new NotFoundException('No such calendar.');
    return feed;
  }
}
