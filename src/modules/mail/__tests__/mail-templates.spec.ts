import { NOTIFICATION_KIND_NAMES } from '../../notifications';
import { CANDIDATE_MAIL_KINDS, notificationUrl, renderCandidateMail, renderNotificationMail } from '../mail-templates';

describe('mail templates', () => {
  it('renders every notification kind with a subject saying what it is, a PUBLIC_URL link and escaped HTML', () => {
    for (const kind of NOTIFICATION_KIND_NAMES) {
      const url = notificationUrl(kind, 'abc', 'https://hiring.example');
      const mail = renderNotificationMail(kind, {
        recipientName: 'Grace <Admin>',
        subject: 'Ada & co',
        body: 'Line one\nline two',
        url,
      });
      expect(mail.subject).toMatch(/^[A-Z][a-z ]+: Ada & co$/);
      expect(mail.text).toContain(url!);
      expect(url).toMatch(/^https:\/\/hiring\.example\/(interviews|applications)\/abc$/);
      expect(mail.html).toContain('Grace &lt;Admin&gt;');
      expect(mail.html).toContain('Ada &amp; co');
      expect(mail.html).not.toContain('<Admin>');
    }
    expect(
      renderNotificationMail('INTERVIEW_REMINDER', { recipientName: 'G', subject: 'X', body: 'b', url: null }).subject,
    ).toBe('Reminder: X');
    expect(
      renderNotificationMail('STAGE_DECISION_WAITING', {
        recipientName: 'G',
        subject: 'Decision waiting: Ada',
        body: 'b',
        url: null,
      }).subject,
    ).toBe('Decision waiting: Ada');
  });

  it("renders the candidate's mails from what a candidate may read only", () => {
    const input = {
      candidateName: 'Ada',
      positionTitle: 'Backend Developer',
      stageName: 'Technical interview',
      startsAt: new Date('2026-12-07T14:00:00Z'),
      endsAt: new Date('2026-12-07T15:00:00Z'),
      location: 'Room 4',
      senderName: 'Acme Hiring',
    };
    const subjects = CANDIDATE_MAIL_KINDS.map((kind) => renderCandidateMail(kind, input).subject);
    expect(subjects).toEqual([
      'Interview invitation: Backend Developer (Technical interview)',
      'Updated: your interview for Backend Developer (Technical interview)',
      'Cancelled: your interview for Backend Developer (Technical interview)',
      'Reminder: your interview for Backend Developer (Technical interview)',
    ]);
    const invitation = renderCandidateMail('INVITATION', input);
    expect(invitation.text).toContain('Monday, 7 December 2026 at 14:00 UTC');
    expect(invitation.text).toContain('Where: Room 4');
    expect(invitation.html).toContain('<li>Where: Room 4</li>');
  });
});
