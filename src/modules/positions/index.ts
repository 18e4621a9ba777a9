export { Position } from './position.entity';
export { PositionType } from './graphql/position.type';
export { PositionsService } from './positions.service';
export { PositionsLoaders } from './positions.loaders';
export { PositionsModule } from './positions.module';
