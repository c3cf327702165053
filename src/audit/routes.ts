import { Type } from '@sinclair/typebox';
import type { AppContext } from '../app/context.ts';
import type { App } from '../platform/http.ts';
import { errors } from '../platform/schemas.ts';
import { listAudit } from './repo.ts';

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/audit-events',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit trail, oldest first (exchange and auditors)',
        querystring: Type.Object(
          {
            subjectType: Type.Optional(Type.String({ maxLength: 40 })),
            subjectId: Type.Optional(Type.String({ maxLength: 100 })),
            afterId: Type.Optional(Type.Integer({ minimum: 0 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => ({ items: await listAudit(ctx.db, { ...req.query, limit: req.query.limit ?? 100 }) }),
  );
}
