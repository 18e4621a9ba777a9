import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { SchedulingService } from './scheduling.service';

/** `GET /calendar/<userId>/<token>.ics`: a user's interviews for calendar apps, which send no headers. */
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly scheduling: SchedulingService) {}

  @Get(':userId/:file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(@Param('userId') userId: string, @Param('file') file: string): Promise<string> {
    const token = file.replace(/\.ics$/, '');
    if (!/^[0-9a-f-]{36}$/.test(userId) || !this.scheduling.verifyFeedToken(userId, token)) {
      throw new NotFoundException('No such calendar.');
    }
    const feed = await this.scheduling.feed(userId);
    if (feed === null) throw new NotFoundException('No such calendar.');
    return feed;
  }
}
