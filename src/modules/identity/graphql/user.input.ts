import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayNotEmpty,
  IsArray,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
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
