// People: the staff (recruiters, hiring managers, interviewers with their scoring bias) and the
// reference data candidates are drawn from.
import { ExperienceLevel, Role } from '../../../libs/domain';
import type { Random } from './random';
import type { UserRow } from './rows';

/** Domain of every generated staff e-mail address. */
export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic-hiring.example';
/** argon2id of a throw-away password; generated users are not meant to log in. */
export const SYNTHETIC_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$ylel/26/1N7zZ/ggfzsOdQ$gPyU/kA2TImn1wP0k8ERSeJe1czXGQbF9kLxoUDiZC4';

const FIRST_NAMES: readonly string[] = (
  'Ava Liam Noah Emma Olivia Mateo Sofia Lucas Mia Ethan Amara Kenji Priya Arjun Chloe Leon Hana Omar ' +
  'Fatima Diego Elena Jonas Ingrid Tariq Zara Mei Wei Yuki Sven Anya Luca Giulia Pedro Camila Kwame ' +
  'Ngozi Aisha Daniel Sara Tomas Marta Nikolai Irina Hugo Clara Rafael Beatriz Samuel Leah Isaac Nora ' +
  'Felix Maya Oscar Lina Ravi Ananya Jin Soo-ah Emil Freya Mohammed Layla Carlos Lucia Adam Eva Theo ' +
  'Ines Max Julia Kofi Abena Hiroshi Aiko'
).split(' ');

const LAST_NAMES: readonly string[] = (
  'Smith,Chen,Garcia,Müller,Rossi,Kowalski,Nguyen,Patel,Kim,Okafor,Silva,Novak,Johansson,Dubois,Tanaka,' +
  'Ivanova,Haddad,Mensah,Fernandez,Schmidt,Lopez,Wang,Singh,Sato,Andersen,Costa,Moreau,Horvat,Nielsen,' +
  "Popescu,Yilmaz,O'Brien,Murphy,Kaur,Ali,Hassan,Park,Lee,Brown,Taylor,Wilson,Martin,Bianchi,Jansen," +
  'de Vries,Nowak,Suzuki,Gupta,Sharma,Adeyemi,Mwangi,Santos,Pereira,Lindqvist,Virtanen,Kovacs,Dimitrov,' +
  'Petrov,Cohen,Levi,Rahman,Chowdhury,Ortiz,Ramirez,Fischer,Weber,Wagner'
).split(',');

const TIMEZONES: readonly string[] = (
  'Europe/London Europe/Berlin Europe/Warsaw Europe/Lisbon Europe/Madrid Europe/Stockholm ' +
  'America/New_York America/Chicago America/Denver America/Los_Angeles America/Sao_Paulo ' +
  'America/Toronto Asia/Kolkata Asia/Singapore Asia/Tokyo Australia/Sydney Africa/Lagos UTC'
).split(' ');

export const LEVELS: readonly ExperienceLevel[] = Object.values(ExperienceLevel);
export const LEVEL_INDEX: Record<ExperienceLevel, number> = { JUNIOR: 0, MID: 1, SENIOR: 2, STAFF: 3 };
/** Years of experience a candidate of each level has. */
export const LEVEL_YEARS: Record<ExperienceLevel, readonly [number, number]> = {
  JUNIOR: [0, 2.5],
  MID: [2, 6],
  SENIOR: [5, 12],
  STAFF: [9, 22],
};

export const SOURCES: ReadonlyArray<readonly [string, number]> = [
  ['referral', 0.14],
  ['job board', 0.34],
  ['careers page', 0.26],
  ['sourcing', 0.16],
  ['agency', 0.1],
];
/** How much a source changes the chance of passing the HR screen. */
export const SOURCE_HR_BONUS: Record<string, number> = {
  referral: 0.1,
  'job board': -0.03,
  'careers page': 0,
  sourcing: 0.04,
  agency: -0.02,
};
export const CANDIDATE_TAGS = [
  'remote',
  'relocation',
  'visa-sponsorship',
  'go',
  'java',
  'python',
  'typescript',
  'kotlin',
  'rust',
  'postgres',
  'kafka',
  'aws',
  'kubernetes',
] as const;

export function personName(rng: Random): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

export function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export interface InterviewerInfo {
  id: string;
  name: string;
  /** Added to every score this interviewer gives: lenient > 0 > harsh. */
  bias: number;
}

export interface Staff {
  recruiters: UserRow[];
  managers: UserRow[];
  interviewers: InterviewerInfo[];
  /** Every user row, recruiters first. */
  rows: UserRow[];
}

/** Six recruiters, ten hiring managers and forty interviewers, all created at `at`. */
export function createStaff(rng: Random, at: number): Staff {
  const usedEmails = new Set<string>();
  const makeUser = (role: Role): UserRow => {
    const name = personName(rng);
    let local = emailLocalPart(name);
    for (let n = 2; usedEmails.has(local); n++) local = `${emailLocalPart(name)}${n}`;
    usedEmails.add(local);
    return {
      id: rng.uuid(),
      email: `${local}@${SYNTHETIC_EMAIL_DOMAIN}`,
      name,
      roles: [role],
      timezone: rng.pick(TIMEZONES),
      passwordHash: SYNTHETIC_PASSWORD_HASH,
      deactivatedAt: null,
      createdAt: new Date(at),
      updatedAt: new Date(at),
    };
  };
  const recruiters = Array.from({ length: 6 }, () => makeUser(Role.RECRUITER));
  const managers = Array.from({ length: 10 }, () => makeUser(Role.HIRING_MANAGER));
  const interviewerRows = Array.from({ length: 40 }, () => makeUser(Role.INTERVIEWER));
  // Calibration spread: a few clearly lenient and harsh interviewers, the rest near neutral.
  const interviewers = interviewerRows.map((user, index) => ({
    id: user.id,
    name: user.name,
    bias: index < 4 ? 0.45 + 0.1 * rng.next() : index < 8 ? -0.45 - 0.1 * rng.next() : 0.18 * rng.normal(),
  }));
  return { recruiters, managers, interviewers, rows: [...recruiters, ...managers, ...interviewerRows] };
}
