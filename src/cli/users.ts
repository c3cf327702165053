import type { Command } from 'commander';
import { ROLES, type Role } from '../access/principal.ts';
import { addUser } from '../access/service.ts';
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
}
