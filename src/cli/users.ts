import type { Command } from 'commander';
import { ROLES, type Role } from '../access/principal.ts';
import { addUser, liftLock } from '../access/service.ts';
import * as accessRepo from '../access/operator.ts';
import { CliError, print, resolveOrganisation, withContext } from './common.ts';

export function registerUsers(program: Command): void {
  const user = program
    .command('user')
    .description('manage users (operator access: acts directly on the database)');
  user
    .command('create')
    .description('create a user with a password, or (without --password) invite one with a one-time token')
    .requiredOption('--org <name|id>', 'organisation, by exact name or id')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option(
      '--password <password>',
      'initial password (at least 12 characters); omit to print an invitation token',
    )
    .action(async (opts: { org: string; email: string; name: string; role: string; password?: string }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) {
        throw new CliError(`--role must be one of ${ROLES.join(', ')} (got "${opts.role}")`);
      }
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(opts.email))
        throw new CliError(`--email "${opts.email}" is not an email address`);
      await withContext(async (ctx) => {
        const org = await resolveOrganisation(ctx.db, opts.org);
        // The operator holds database access, not a session: the audit event names the organisation only.
        const r = await addUser(ctx, { userId: null, apiKeyId: null, orgId: org.id }, org.id, {
          email: opts.email,
          name: opts.name,
          role: opts.role as Role,
          ...(opts.password !== undefined ? { password: opts.password } : {}),
        });
        print(`Created ${r.user.role} ${r.user.email} (${r.user.name}) in ${org.name} [user ${r.user.id}]`);
        if (r.invitationToken) {
          print(`Invitation token (shown once, valid until ${r.invitationExpiresAt}):`);
          print(`  ${r.invitationToken}`);
          print('The user sets a password with POST /api/v1/invitations/acceptance { token, password }.');
        }
      });
    });
  user
    .command('unlock <email>')
    .description('lift the sign-in lock of an email after too many failed attempts (and forget them)')
    .action(async (email: string) => {
      await withContext(async (ctx) => {
        const found = await accessRepo.findUserByEmail(ctx.db, email.trim());
        // An email nobody holds can be locked too (failures count per email as typed): unlock it alike.
        const r = await liftLock(
          ctx,
          { userId: null, apiKeyId: null, orgId: found?.orgId ?? null },
          { email },
          found ? { type: 'user', id: found.id } : { type: 'email', id: email.trim().toLowerCase() },
        );
        const who = found ? `${found.email} (${found.name})` : `${email.trim()} (no user holds it)`;
        print(
          r.wasLocked
            ? `Unlocked ${who}: it may sign in again`
            : r.failures > 0
              ? `${who} was not locked; its ${r.failures} recent failed sign-in(s) are forgotten`
              : `${who} was not locked and had no recent failed sign-ins`,
        );
      });
    });
}
