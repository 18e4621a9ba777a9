import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayNotEmpty,
  IsArray,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Role } from '../../../../libs/domain';

@InputType()
export class LoginInput {
  @Field() @IsString() @MaxLength(320) email!: string;
  @Field() @IsString() @MaxLength(1024) password!: string;
}

@InputType()
export class CreateUserInput {
  @Field() @IsEmail({}, { message: 'must be an email address' }) @MaxLength(320) email!: string;
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(200) name!: string;
  @Field() @IsString() @MaxLength(1024) password!: string;
  @Field(() => [Role])
  @IsArray()
  @ArrayNotEmpty({ message: 'must list at least one role' })
  @IsEnum(Role, { each: true, message: `each role must be one of ${Object.values(Role).join(', ')}` })
  roles!: Role[];
  @Field({ nullable: true, description: 'IANA time zone; UTC when omitted.' })
  @IsOptional()
  @IsString()
  timezone?: string;
}

@InputType()
export class RevokeRefreshTokenInput {
  @Field(() => String, { nullable: true, description: "Left out: the web app's refresh-token cookie." })
  @IsOptional()
  @IsString()
  refreshToken?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a user id' }) userId!: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name?: string;
  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'must list at least one role' })
  @IsEnum(Role, { each: true, message: `each role must be one of ${Object.values(Role).join(', ')}` })
  roles?: Role[];
  @Field({ nullable: true, description: 'IANA time zone.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  timezone?: string;
  @Field(() => Int, {
    nullable: true,
    description: "Start of the working day, hour 0-23 in the user's time zone; before workdayEndHour.",
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole hour' })
  @Min(0, { message: 'must be an hour from 0 to 23' })
  @Max(23, { message: 'must be an hour from 0 to 23' })
  workdayStartHour?: number;
  @Field(() => Int, {
    nullable: true,
    description: "End of the working day, hour 1-24 in the user's time zone; after workdayStartHour.",
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole hour' })
  @Min(1, { message: 'must be an hour from 1 to 24' })
  @Max(24, { message: 'must be an hour from 1 to 24' })
  workdayEndHour?: number;
}

@InputType()
export class UserIdInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a user id' }) userId!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @IsString() @MaxLength(1024) currentPassword!: string;
  @Field() @IsString() @MaxLength(1024) newPassword!: string;
}
