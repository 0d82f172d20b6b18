/**
 * Session. The active user's e-mail is '' where Apps Script withholds it (AuthMode.NONE,
 * where no user data may be read) and, with the platform switch `triggerActiveUser: 'empty'`,
 * in a trigger run; a time-driven run acts as the user who created the trigger. The
 * effective user is the user the execution runs as ("getEffectiveUser": the trigger's
 * creator under an installable trigger).
 */
import { AuthMode } from './enums.js';
import type { Host } from './host.js';
import { expose } from './surface.js';

type Session = GoogleAppsScript.Base.Session;
type User = GoogleAppsScript.Base.User;

const MEMBERS = ['getActiveUser', 'getEffectiveUser', 'getScriptTimeZone', 'getActiveUserLocale'] as const satisfies readonly (keyof Session)[];
const USER_MEMBERS = ['getEmail'] as const satisfies readonly (keyof User)[];

export class FakeSession implements Pick<Session, (typeof MEMBERS)[number]> {
  readonly proxy: Session;

  constructor(private readonly host: Host, private readonly locale: string) {
    this.proxy = expose<Session>(this, 'Session', MEMBERS, host);
  }

  private user(email: string): User {
    return expose<User>({ getEmail: () => email }, 'User', USER_MEMBERS, this.host);
  }

  getActiveUser(): User {
    const execution = this.host.execution();
    const withheld = execution.authMode === AuthMode.NONE || (execution.byTrigger && this.host.platform.triggerActiveUser === 'empty');
    return this.user(withheld ? '' : execution.user);
  }

  getEffectiveUser(): User {
    return this.user(this.host.execution().user);
  }

  getScriptTimeZone(): string {
    return this.host.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return this.locale;
  }
}
