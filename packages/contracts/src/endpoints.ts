import { z } from 'zod';
import {
  Account,
  CreateResourceBody,
  EidMerchantApproval,
  PatchAccountBody,
  RechargeBody,
  RechargeResult,
  Resource,
} from './account.ts';
import { LoginBody, LoginResponse, Me } from './auth.ts';
import {
  BillColumns,
  BillColumnsBody,
  BillCsvQuery,
  BillItemsResponse,
  BillListQuery,
  BillOverview,
  BillOverviewQuery,
  BillResourcesResponse,
} from './bills.ts';
import {
  AutoTopupLabelParam,
  AutoTopupList,
  AutoTopupRule,
  Budget,
  BudgetIdParam,
  BudgetList,
  BudgetsQuery,
  CreateBudgetBody,
  PatchBudgetBody,
  PutAutoTopupBody,
} from './budgets.ts';
import { Catalog } from './catalog.ts';
import {
  CertificateIdParam,
  CertificateOrder,
  CertificateRefund,
  CertificateRefundBody,
  CertificatesQuery,
} from './certificates.ts';
import { ListQuery, listOf, Problem } from './common.ts';
import {
  AdvanceClockBody,
  ClockAdvanced,
  CreateDemoTenantBody,
  DemoAccountParam,
  DemoCustomerView,
  DemoCustomerViewState,
  DemoPasswordReset,
  DemoTenant,
  DemoTenantCreated,
  DemoTenantDetail,
  DemoTierParam,
  DemoTimeline,
  DemoTimelineQuery,
  PutTierTableBody,
  TierTable,
} from './demo.ts';
import {
  AcceptInvitationBody,
  ChangeMemberBody,
  Invitation,
  InvitationAccepted,
  InvitationBody,
  InvitationIdParam,
  InvitationPreview,
  InvitationTokenBody,
  Member,
  MemberIdParam,
} from './members.ts';
import {
  NotificationIdParam,
  NotificationList,
  NotificationSettings,
  NotificationsQuery,
  OutboxMessage,
  PutNotificationSettingsBody,
} from './notifications.ts';
import { Order, OrderIdParam, OrderSummary, OrdersQuery, PlaceOrderBody } from './orders.ts';
import { DailyUsage, Pack, PackIdParam, PacksQuery, UsageQuery } from './packs.ts';
import { ExplainQuery, Explanation, PackForecast, PlannerQuery, PlannerResponse } from './planner.ts';
import { PackProjections, PackProjectionsQuery } from './projections.ts';
import {
  AccountViolation,
  AccountViolationBody,
  Refund,
  RefundRefusal,
  RefundRefusalBody,
  RefundsQuery,
  RequestRefundBody,
  StaffAccountIdParam,
} from './refunds.ts';
import { AuditEntry, ImpersonationStarted, StaffAccount, StaffAccountsQuery, StartImpersonationBody } from './staff.ts';
import { StaffTimelineQuery, TimelineItem, TimelineQuery } from './timeline.ts';
import {
  CreatedServiceKey,
  CreateServiceKeyBody,
  DailyLabelUsage,
  DailyLabelUsageQuery,
  IngestBody,
  IngestEnvelope,
  IngestResponse,
  ServiceKey,
  ServiceKeyIdParam,
} from './usage.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Endpoint {
  method: HttpMethod;
  /** Hono-style path, `:id` for parameters. */
  path: string;
  summary: string;
  /** public: no sign-in; session: cookie; service: usage service key. */
  auth: 'public' | 'session' | 'service';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * Issue 14: a batch whose items are judged one by one. The route parses `envelope` (the body with the
   * items unjudged) and judges each item of `field` itself; `body` stays what a valid request looks like.
   */
  batch?: { field: string; envelope: z.ZodType };
  response?: z.ZodType;
  status?: number;
}

/**
 * Every endpoint of the API, in one list (docs/decisions/0017): the BFF registers its routes and parses
 * their params, query and body with these schemas (http/declared-routes.ts), the OpenAPI document is
 * generated from it, the console's client takes its types from it, and the security and fuzz tests walk
 * it, so an endpoint missing here fails them.
 */
export const endpoints = [
  {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in',
    auth: 'public',
    body: LoginBody,
    response: LoginResponse,
    status: 200,
  },
  { method: 'post', path: '/api/v1/auth/logout', summary: 'Sign out', auth: 'public', status: 204 },
  { method: 'get', path: '/api/v1/me', summary: 'Who is asking', auth: 'session', response: Me },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This OpenAPI document, generated from these declarations',
    auth: 'public',
  },
  {
    method: 'get',
    path: '/api/v1/catalog',
    summary: 'Billing labels with prices and tiers (R1)',
    auth: 'session',
    response: Catalog,
  },
  {
    method: 'get',
    path: '/api/v1/account',
    summary: 'The account with balances and vouchers (R2)',
    auth: 'session',
    response: Account,
  },
  {
    method: 'patch',
    path: '/api/v1/account',
    summary: 'Switch postpaid on or off (R4.4)',
    auth: 'session',
    body: PatchAccountBody,
    response: Account,
  },
  {
    method: 'post',
    path: '/api/v1/account/recharge',
    summary: 'Recharge cash (R2.1, R6.3); optional Idempotency-Key header',
    auth: 'session',
    body: RechargeBody,
    response: RechargeResult,
    status: 200,
  },
  {
    method: 'get',
    path: '/api/v1/resources',
    summary: "The account's applications",
    auth: 'session',
    query: ListQuery,
    response: listOf(Resource),
  },
  {
    method: 'post',
    path: '/api/v1/resources',
    summary: 'Register an application',
    auth: 'session',
    body: CreateResourceBody,
    response: Resource,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/packs',
    summary: 'Resource packs (R3.5)',
    auth: 'session',
    query: PacksQuery,
    response: listOf(Pack),
  },
  {
    method: 'get',
    path: '/api/v1/packs/projections',
    summary:
      "Burn-down projections of up to 100 packs for the pack list (issue 9); ids that are not the caller's packs are left out",
    auth: 'session',
    query: PackProjectionsQuery,
    response: PackProjections,
  },
  {
    method: 'get',
    path: '/api/v1/packs/:id',
    summary: 'One resource pack',
    auth: 'session',
    params: PackIdParam,
    response: Pack,
  },
  {
    method: 'get',
    path: '/api/v1/packs/:id/usage',
    summary: 'Calls per day on a pack (R3.6)',
    auth: 'session',
    params: PackIdParam,
    query: UsageQuery,
    response: DailyUsage,
  },
  {
    method: 'get',
    path: '/api/v1/packs/:id/forecast',
    summary: 'Burn-down forecast of a pack: run-out date, calls expiring unused, postpaid after (issue 9)',
    auth: 'session',
    params: PackIdParam,
    response: PackForecast,
  },
  {
    method: 'get',
    path: '/api/v1/planner',
    summary: 'Pack planner: the cheapest mix of tiers and postpaid for expected calls (R3, R4.2)',
    auth: 'session',
    query: PlannerQuery,
    response: PlannerResponse,
  },
  {
    method: 'get',
    path: '/api/v1/explain',
    summary: 'Deduction explainer: which calls went where and which rule chose it, for a pack, a day or a bill line',
    auth: 'session',
    query: ExplainQuery,
    response: Explanation,
  },
  {
    method: 'get',
    path: '/api/v1/service-keys',
    summary: 'Usage service keys of the account (never the keys themselves)',
    auth: 'session',
    response: listOf(ServiceKey),
  },
  {
    method: 'post',
    path: '/api/v1/service-keys',
    summary: 'Create a usage service key; the key is shown only in this answer',
    auth: 'session',
    body: CreateServiceKeyBody,
    response: CreatedServiceKey,
    status: 201,
  },
  {
    method: 'delete',
    path: '/api/v1/service-keys/:id',
    summary: 'Revoke a usage service key',
    auth: 'session',
    params: ServiceKeyIdParam,
    status: 204,
  },
  {
    method: 'post',
    path: '/api/v1/usage/events',
    summary: 'Report usage events (R4.1–R4.7), authenticated by a service key',
    auth: 'service',
    body: IngestBody,
    batch: { field: 'events', envelope: IngestEnvelope },
    response: IngestResponse,
    status: 200,
  },
  {
    method: 'get',
    path: '/api/v1/usage/daily',
    summary: 'Calls per label and day, split pack/postpaid/free (R3.6)',
    auth: 'session',
    query: DailyLabelUsageQuery,
    response: DailyLabelUsage,
  },
  {
    method: 'get',
    path: '/api/v1/staff/accounts',
    summary: 'Support: find accounts (R9.2)',
    auth: 'session',
    query: StaffAccountsQuery,
    response: listOf(StaffAccount),
  },
  {
    method: 'post',
    path: '/api/v1/staff/impersonations',
    summary: 'Support: impersonate an account with a reason (R9.2)',
    auth: 'session',
    body: StartImpersonationBody,
    response: ImpersonationStarted,
    status: 201,
  },
  {
    method: 'delete',
    path: '/api/v1/staff/impersonations/current',
    summary: 'Support: stop impersonating',
    auth: 'session',
    status: 204,
  },
  {
    method: 'get',
    path: '/api/v1/audit',
    summary: "The account's audit log, staff access included (R9.2)",
    auth: 'session',
    query: ListQuery,
    response: listOf(AuditEntry),
  },
  {
    method: 'get',
    path: '/api/v1/bills/overview',
    summary: 'Bill overview of a CST month: total, by product, by billing mode, 12-month trend (R5.5)',
    auth: 'session',
    query: BillOverviewQuery,
    response: BillOverview,
  },
  {
    method: 'get',
    path: '/api/v1/bills/resources',
    summary: 'Resource-ID bill: one row per resource and product, total desc (R5.5)',
    auth: 'session',
    query: BillListQuery,
    response: BillResourcesResponse,
  },
  {
    method: 'get',
    path: '/api/v1/bills/items',
    summary: 'Itemized bill: one row per charge, newest first (R5.5)',
    auth: 'session',
    query: BillListQuery,
    response: BillItemsResponse,
  },
  {
    method: 'get',
    path: '/api/v1/bills/items.csv',
    summary: 'Itemized bill as a streamed CSV (UTF-8 with BOM), same filters and rows (R5.5)',
    auth: 'session',
    query: BillCsvQuery,
  },
  {
    method: 'get',
    path: '/api/v1/preferences/bill-columns',
    summary: "The signed-in user's itemized-bill columns, in order (R5.5)",
    auth: 'session',
    response: BillColumns,
  },
  {
    method: 'put',
    path: '/api/v1/preferences/bill-columns',
    summary: 'Choose and order the itemized-bill columns, per user (R5.5)',
    auth: 'session',
    body: BillColumnsBody,
    response: BillColumns,
  },
  {
    method: 'get',
    path: '/api/v1/notifications',
    summary: 'Notification centre (R7)',
    auth: 'session',
    query: NotificationsQuery,
    response: NotificationList,
  },
  {
    method: 'post',
    path: '/api/v1/notifications/read-all',
    summary: 'Mark every notification read',
    auth: 'session',
    status: 204,
  },
  {
    method: 'post',
    path: '/api/v1/notifications/:id/read',
    summary: 'Mark one notification read',
    auth: 'session',
    params: NotificationIdParam,
    status: 204,
  },
  {
    method: 'get',
    path: '/api/v1/notification-settings',
    summary: 'Channels per notification kind (R7)',
    auth: 'session',
    response: NotificationSettings,
  },
  {
    method: 'put',
    path: '/api/v1/notification-settings',
    summary: 'Choose channels per kind and the daily report (R7, R3.6)',
    auth: 'session',
    body: PutNotificationSettingsBody,
    response: NotificationSettings,
  },
  {
    method: 'get',
    path: '/api/v1/staff/outbox',
    summary: 'Support: the email/SMS outbox',
    auth: 'session',
    query: ListQuery,
    response: listOf(OutboxMessage),
  },
  {
    method: 'post',
    path: '/api/v1/account/eid-merchant',
    summary: 'Simulate the approval of the first eID merchant ID; starts the eid.authority trial (R3.4)',
    auth: 'session',
    response: EidMerchantApproval,
    status: 200,
  },
  {
    method: 'post',
    path: '/api/v1/orders',
    summary: 'Buy packs (R3.3, R2.2, R2.3, R4.3); optional Idempotency-Key header',
    auth: 'session',
    body: PlaceOrderBody,
    response: Order,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/orders',
    summary: 'Pack orders, newest first',
    auth: 'session',
    query: OrdersQuery,
    response: listOf(OrderSummary),
  },
  {
    method: 'get',
    path: '/api/v1/timeline',
    summary: 'What happened to the account, newest first (issue 18): the owner, or an agent impersonating it',
    auth: 'session',
    query: TimelineQuery,
    response: listOf(TimelineItem),
  },
  {
    method: 'get',
    path: '/api/v1/staff/accounts/:id/timeline',
    summary: "Support: an account's timeline without impersonating it (issue 18); the read is audited",
    auth: 'session',
    params: StaffAccountIdParam,
    query: StaffTimelineQuery,
    response: listOf(TimelineItem),
  },
  // R10.1 budgets and R10.2 auto top-up rules.
  {
    method: 'get',
    path: '/api/v1/budgets',
    summary: 'Monthly budgets with spent, forecast and alerts (R10.1)',
    auth: 'session',
    query: BudgetsQuery,
    response: BudgetList,
  },
  {
    method: 'post',
    path: '/api/v1/budgets',
    summary: 'Create a monthly budget (R10.1)',
    auth: 'session',
    body: CreateBudgetBody,
    response: Budget,
    status: 201,
  },
  {
    method: 'patch',
    path: '/api/v1/budgets/:id',
    summary: 'Change a budget (R10.1)',
    auth: 'session',
    params: BudgetIdParam,
    body: PatchBudgetBody,
    response: Budget,
  },
  {
    method: 'delete',
    path: '/api/v1/budgets/:id',
    summary: 'Delete a budget (R10.1)',
    auth: 'session',
    params: BudgetIdParam,
    status: 204,
  },
  {
    method: 'get',
    path: '/api/v1/auto-topups',
    summary: 'Auto top-up rules per label (R10.2)',
    auth: 'session',
    response: AutoTopupList,
  },
  {
    method: 'put',
    path: '/api/v1/auto-topups/:label',
    summary: 'Set the auto top-up rule of a label (R10.2)',
    auth: 'session',
    params: AutoTopupLabelParam,
    body: PutAutoTopupBody,
    response: AutoTopupRule,
  },
  {
    method: 'delete',
    path: '/api/v1/auto-topups/:label',
    summary: 'Remove the auto top-up rule of a label (R10.2)',
    auth: 'session',
    params: AutoTopupLabelParam,
    status: 204,
  },
  {
    method: 'get',
    path: '/api/v1/orders/:id',
    summary: 'One order with its packs',
    auth: 'session',
    params: OrderIdParam,
    response: Order,
  },
  {
    method: 'post',
    path: '/api/v1/refunds',
    summary: 'Refund a purchased pack (R8.1–R8.5); optional Idempotency-Key header',
    auth: 'session',
    body: RequestRefundBody,
    response: Refund,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/refunds',
    summary: 'Completed refunds (packs and SSL certificate orders, `kind`), newest first',
    auth: 'session',
    query: RefundsQuery,
    response: listOf(Refund),
  },
  {
    method: 'post',
    path: '/api/v1/staff/refund-refusals',
    summary: 'Support: refuse a pack refund for suspected abuse; the customer sees the reason (R8.5)',
    auth: 'session',
    body: RefundRefusalBody,
    response: RefundRefusal,
    status: 201,
  },
  {
    method: 'put',
    path: '/api/v1/staff/accounts/:id/violation',
    summary: 'Support: set or clear the account-violation flag that blocks every refund (R8.2)',
    auth: 'session',
    params: StaffAccountIdParam,
    body: AccountViolationBody,
    response: AccountViolation,
  },
  {
    method: 'get',
    path: '/api/v1/certificates',
    summary: 'SSL certificate orders with the actions open to each (R8.6)',
    auth: 'session',
    query: CertificatesQuery,
    response: listOf(CertificateOrder),
  },
  {
    method: 'post',
    path: '/api/v1/certificates/:id/cancel',
    summary: 'Cancel Application of a certificate order pending submission (R8.6)',
    auth: 'session',
    params: CertificateIdParam,
    response: CertificateOrder,
    status: 200,
  },
  {
    method: 'post',
    path: '/api/v1/certificates/:id/refund',
    summary: 'Refund a paid, never-issued certificate order (R8.6); the refund policy must be accepted',
    auth: 'session',
    params: CertificateIdParam,
    body: CertificateRefundBody,
    response: CertificateRefund,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/demo/tenants',
    summary: 'PM: demo tenants (R9.3)',
    auth: 'session',
    response: listOf(DemoTenant),
  },
  {
    method: 'post',
    path: '/api/v1/demo/tenants',
    summary: 'PM: create a demo tenant from a scenario (R9.3)',
    auth: 'session',
    body: CreateDemoTenantBody,
    response: DemoTenantCreated,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/demo/tenants/:accountId',
    summary: 'PM: one demo tenant, from any PM browser: settlement, resources, clock, move in progress (R9.3)',
    auth: 'session',
    params: DemoAccountParam,
    response: DemoTenantDetail,
  },
  {
    method: 'put',
    path: '/api/v1/demo/tenants/:accountId/tiers/:label',
    summary: "PM: a monthly-settled demo tenant's volume tier table of one label (R5.2)",
    auth: 'session',
    params: DemoTierParam,
    body: PutTierTableBody,
    response: TierTable,
    status: 200,
  },
  {
    method: 'delete',
    path: '/api/v1/demo/tenants/:accountId/tiers/:label',
    summary: "PM: remove a demo tenant's tier table of one label (the plain unit price applies again)",
    auth: 'session',
    params: DemoTierParam,
    status: 204,
  },
  {
    method: 'post',
    path: '/api/v1/demo/tenants/:accountId/clock',
    summary: "Advance a demo tenant's simulated clock, running every job due (R9.3)",
    auth: 'session',
    params: DemoAccountParam,
    body: AdvanceClockBody,
    response: ClockAdvanced,
    status: 200,
  },
  {
    method: 'get',
    path: '/api/v1/demo/tenants/:accountId/timeline',
    summary: 'What the demo clock made happen, newest first, paged; each event with code and params',
    auth: 'session',
    params: DemoAccountParam,
    query: DemoTimelineQuery,
    response: DemoTimeline,
  },
  {
    method: 'post',
    path: '/api/v1/demo/tenants/:accountId/password',
    summary: "PM: a new password for the demo tenant's customer, returned once; audited (R9.3)",
    auth: 'session',
    params: DemoAccountParam,
    response: DemoPasswordReset,
    status: 200,
  },
  {
    method: 'post',
    path: '/api/v1/demo/tenants/:accountId/customer-view',
    summary: "PM: sign this browser in as the demo tenant's owner, keeping the PM session for the way back; audited",
    auth: 'session',
    params: DemoAccountParam,
    response: DemoCustomerView,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/demo/customer-view',
    summary: "Whether this session is a PM's demo customer view (404 otherwise)",
    auth: 'session',
    response: DemoCustomerViewState,
  },
  {
    method: 'delete',
    path: '/api/v1/demo/customer-view',
    summary: "End a demo customer view: this browser is the PM's session again; audited",
    auth: 'session',
    response: DemoCustomerViewState.pick({ accountId: true }),
    status: 200,
  },
  {
    method: 'post',
    path: '/api/v1/demo/tenants/:accountId/reset',
    summary: 'PM: rebuild a demo tenant from its scenario',
    auth: 'session',
    params: DemoAccountParam,
    response: DemoTenantCreated,
    status: 200,
  },
  {
    method: 'delete',
    path: '/api/v1/demo/tenants/:accountId',
    summary: 'PM: delete a demo tenant and all its rows',
    auth: 'session',
    params: DemoAccountParam,
    status: 204,
  },
  {
    method: 'get',
    path: '/api/v1/account/users',
    summary: "The account's users and roles (R9.1)",
    auth: 'session',
    response: listOf(Member),
  },
  {
    method: 'patch',
    path: '/api/v1/account/users/:id',
    summary: "Owner: change a user's role (R9.1)",
    auth: 'session',
    params: MemberIdParam,
    body: ChangeMemberBody,
    response: Member,
  },
  {
    method: 'delete',
    path: '/api/v1/account/users/:id',
    summary: 'Owner: remove a user (R9.1)',
    auth: 'session',
    params: MemberIdParam,
    status: 204,
  },
  {
    method: 'get',
    path: '/api/v1/members/invitations',
    summary: 'Owner: pending (and expired) invitations (R9.1)',
    auth: 'session',
    response: listOf(Invitation),
  },
  {
    method: 'post',
    path: '/api/v1/members/invitations',
    summary: 'Owner: invite an email with a role; a one-time link is emailed (R9.1). Re-inviting replaces the link',
    auth: 'session',
    body: InvitationBody,
    response: Invitation,
    status: 201,
  },
  {
    method: 'delete',
    path: '/api/v1/members/invitations/:id',
    summary: 'Owner: revoke a pending invitation (R9.1)',
    auth: 'session',
    params: InvitationIdParam,
    status: 204,
  },
  {
    method: 'post',
    path: '/api/v1/invitations/preview',
    summary: 'The invitation behind a link: 404, 409 INVITATION_USED, 410 INVITATION_EXPIRED / INVITATION_REVOKED',
    auth: 'public',
    body: InvitationTokenBody,
    response: InvitationPreview,
    status: 200,
  },
  {
    method: 'post',
    path: '/api/v1/invitations/accept',
    summary: 'Accept an invitation: set name and password, signed in (cookie); single-use',
    auth: 'public',
    body: AcceptInvitationBody,
    response: InvitationAccepted,
    status: 200,
  },
] as const satisfies readonly Endpoint[];

function toSchema(t: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(t, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

/** OpenAPI 3.1 document of the whole API (api.md). */
export function buildOpenApi(list: readonly Endpoint[] = endpoints): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const problem = { 'application/problem+json': { schema: toSchema(Problem, 'output') } };
  for (const e of list) {
    const oaPath = e.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', e.params],
      ['query', e.query],
    ] as const) {
      if (!schema) continue;
      const js = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: s,
        });
      }
    }
    const status = String(e.status ?? (e.method === 'post' ? 201 : 200));
    const op: Record<string, unknown> = {
      summary: e.summary,
      operationId: `${e.method}${e.path.replace(/[^a-zA-Z0-9]+/g, '_')}`,
      parameters,
      responses: {
        [status]: e.response
          ? { description: 'OK', content: { 'application/json': { schema: toSchema(e.response, 'output') } } }
          : { description: 'OK' },
        default: { description: 'Error', content: problem },
      },
      security: e.auth === 'public' ? [] : e.auth === 'service' ? [{ serviceKey: [] }] : [{ session: [] }],
      'x-auth': e.auth,
    };
    if (e.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(e.body, 'input') } } };
    }
    paths[oaPath] ??= {};
    (paths[oaPath] as Record<string, unknown>)[e.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Identity verification billing console API', version: '1.0.0' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sid' },
        serviceKey: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
