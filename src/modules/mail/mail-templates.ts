import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications';

/** A rendered e-mail: subject, plain text and HTML bodies. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface NotificationMailInput {
  recipientName: string;
  /** The in-app notification's subject and body. */
  subject: string;
  body: string;
  /** Absolute link into the app (PUBLIC_URL + path), or null. */
  url: string | null;
}

interface NotificationTemplate {
  /** Says what the mail is, before the notification's own subject. */
  prefix: string;
  /** The app page a notification's `link` (an id) opens. */
  path: (link: string) => string;
  action: string;
}

const interviewPage = (id: string) => `/interviews/${encodeURIComponent(id)}`;
const applicationPage = (id: string) => `/applications/${encodeURIComponent(id)}`;

/** One template per notification kind (a new kind does not compile without one). */
export const NOTIFICATION_TEMPLATES: Record<NotificationKind, NotificationTemplate> = {
  INTERVIEW_SCHEDULED: { prefix: 'Interview scheduled', path: interviewPage, action: 'Open the interview' },
  INTERVIEW_RESCHEDULED: { prefix: 'Moved', path: interviewPage, action: 'Open the interview' },
  INTERVIEW_CANCELLED: { prefix: 'Cancelled', path: interviewPage, action: 'Open the interview' },
  INTERVIEW_REMINDER: { prefix: 'Reminder', path: interviewPage, action: 'Open the interview kit' },
  SCORECARD_DUE: { prefix: 'Scorecard due', path: interviewPage, action: 'Write your scorecard' },
  SCORECARD_ESCALATION: { prefix: 'Overdue scorecard', path: interviewPage, action: 'Open the interview' },
  APPLICATION_STALLED: { prefix: 'Stalled', path: applicationPage, action: 'Open the application' },
  STAGE_DECISION_WAITING: { prefix: 'Decision waiting', path: applicationPage, action: 'Open the application' },
  STAGE_DECISION_APPLIED: { prefix: 'Decision applied', path: applicationPage, action: 'Open the application' },
};

/** The link of a notification of this kind, under PUBLIC_URL. */
export function notificationUrl(kind: NotificationKind, link: string | null, publicUrl: string): string | null {
  return link ? `${publicUrl}${NOTIFICATION_TEMPLATES[kind].path(link)}` : null;
}

/** The e-mail copy of an in-app notification. */
export function renderNotificationMail(kind: NotificationKind, input: NotificationMailInput): RenderedMail {
  const template = NOTIFICATION_TEMPLATES[kind];
  const subject = input.subject.toLowerCase().startsWith(template.prefix.toLowerCase())
    ? input.subject
    : `${template.prefix}: ${input.subject}`;
  const footer = `You get this e-mail because "${NOTIFICATION_KINDS[kind]}" e-mails are on in your notification settings.`;
  return {
    subject,
    text: [
      `Hello ${input.recipientName},`,
      '',
      input.body,
      ...(input.url ? ['', `${template.action}: ${input.url}`] : []),
      '',
      footer,
    ].join('\n'),
    html: layout(subject, [
      paragraph(`Hello ${input.recipientName},`),
      paragraph(input.body),
      input.url ? `<p><a href="${escapeHtml(input.url)}">${escapeHtml(template.action)}</a></p>` : '',
      `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
    ]),
  };
}

/** The mails a candidate gets about one interview. */
export const CANDIDATE_MAIL_KINDS = ['INVITATION', 'UPDATE', 'CANCELLATION', 'REMINDER'] as const;
export type CandidateMailKind = (typeof CANDIDATE_MAIL_KINDS)[number];

/** What a candidate may read: no panel, no internal notes (a cancel reason is internal). */
export interface CandidateMailInput {
  candidateName: string;
  positionTitle: string;
  stageName: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  /** The sender's name (MAIL_FROM), who signs the mail. */
  senderName: string;
}

const CANDIDATE_TEMPLATES: Record<
  CandidateMailKind,
  { subject: (input: CandidateMailInput) => string; lead: (input: CandidateMailInput) => string }
> = {
  INVITATION: {
    subject: (input) => `Interview invitation: ${input.positionTitle} (${input.stageName})`,
    lead: (input) => `You are invited to an interview for the ${input.positionTitle} position (${input.stageName}).`,
  },
  UPDATE: {
    subject: (input) => `Updated: your interview for ${input.positionTitle} (${input.stageName})`,
    lead: (input) => `Your interview for the ${input.positionTitle} position (${input.stageName}) has moved.`,
  },
  CANCELLATION: {
    subject: (input) => `Cancelled: your interview for ${input.positionTitle} (${input.stageName})`,
    lead: (input) =>
      `Your interview for the ${input.positionTitle} position (${input.stageName}) is cancelled. We will be in touch.`,
  },
  REMINDER: {
    subject: (input) => `Reminder: your interview for ${input.positionTitle} (${input.stageName})`,
    lead: (input) => `A reminder of your interview for the ${input.positionTitle} position (${input.stageName}).`,
  },
};

export function renderCandidateMail(kind: CandidateMailKind, input: CandidateMailInput): RenderedMail {
  const template = CANDIDATE_TEMPLATES[kind];
  const subject = template.subject(input);
  const when = `${formatUtc(input.startsAt)} to ${formatUtc(input.endsAt)}`;
  const details = [
    `${kind === 'CANCELLATION' ? 'Was planned' : 'When'}: ${when}`,
    ...(input.location ? [`Where: ${input.location}`] : []),
  ];
  const calendarNote = kind === 'REMINDER' ? [] : ['The attached calendar invite (invite.ics) updates your calendar.'];
  return {
    subject,
    text: [
      `Hello ${input.candidateName},`,
      '',
      template.lead(input),
      '',
      ...details,
      ...(calendarNote.length ? ['', ...calendarNote] : []),
      '',
      input.senderName,
    ].join('\n'),
    html: layout(subject, [
      paragraph(`Hello ${input.candidateName},`),
      paragraph(template.lead(input)),
      `<ul>${details.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
      ...calendarNote.map(paragraph),
      paragraph(input.senderName),
    ]),
  };
}

/** Made once: building an Intl formatter costs far more than formatting with it. */
const UTC_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'short' });

/** `Monday, 7 December 2026 at 14:00 UTC`. */
export function formatUtc(date: Date): string {
  return `${UTC_FORMAT.format(date)} UTC`;
}

function layout(title: string, parts: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif">${parts.join('')}</body></html>`;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}
