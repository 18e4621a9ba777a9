import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** Global: every module asks the same service (it depends on no other module). */
@Global()
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
