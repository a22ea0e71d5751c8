/**
 * The baseline: the same reads and writes as the product over a bare node:http server and
 * prepared better-sqlite3 statements. No framework, no validation. Without AUTH_JWT_PUBLIC_KEY
 * there is no authentication either: the caller names itself in `X-User-Id` (or `?user=` for a
 * list). With it, every request's RS256 bearer token is verified, uncached, and names the caller,
 * which is the least a secure server does. Run as its own process:
 * PORT=... DATABASE_PATH=... [AUTH_JWT_PUBLIC_KEY=...] node --import tsx
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import { importSPKI, jwtVerify } from 'jose';

interface IcpRow {
  id: string;
  name: string;
  description: string | null;
  lead_provider_criteria: string;
  custom_filter_criteria: string;
  crm_filters: string | null;
  user_ids: string;
  leads_per_list: number;
  active_until: string | null;
  created_at: string;
  updated_at: string;
}

const db = new Database(process.env.DATABASE_PATH ?? 'baseline.sqlite');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');

const selectById = db.prepare<[string], IcpRow>('select * from icps where id = ?');
const selectOfUser = db.prepare<[string], IcpRow>(
  'select i.* from icp_members m join icps i on i.id = m.icp_id where m.user_id = ? order by m.icp_created_at, m.icp_id',
);
const insertRow = db.prepare(
  `insert into icps (id, name, description, lead_provider_criteria, custom_filter_criteria,
     crm_filters, user_ids, leads_per_list, active_until, created_at, updated_at)
   values (@id, @name, @description, @lead_provider_criteria, @custom_filter_criteria,
     @crm_filters, @user_ids, @leads_per_list, @active_until, @created_at, @updated_at)`,
);
const insertMember = db.prepare(
  'insert into icp_members (user_id, icp_created_at, icp_id) values (?, ?, ?)',
);
const insertIcp = db.transaction((row: IcpRow, userIds: string[]) => {
  insertRow.run(row);
  for (const userId of userIds) insertMember.run(userId, row.created_at, row.id);
});

function icpOf(row: IcpRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    leadProviderCriteria: JSON.parse(row.lead_provider_criteria),
    customFilterCriteria: JSON.parse(row.custom_filter_criteria),
    crmFilters: row.crm_filters === null ? null : JSON.parse(row.crm_filters),
    userIds: JSON.parse(row.user_ids),
    leadsPerList: row.leads_per_list,
    activeUntil: row.active_until,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function create(body: Record<string, unknown>, creatorId: string) {
  const now = new Date().toISOString();
  const userIds = [...new Set([...((body.userIds as string[] | undefined) ?? []), creatorId])];
  const row: IcpRow = {
    id: randomUUID(),
    name: body.name as string,
    description: (body.description as string | null | undefined) ?? null,
    lead_provider_criteria: JSON.stringify(body.leadProviderCriteria ?? []),
    custom_filter_criteria: JSON.stringify(body.customFilterCriteria ?? []),
    crm_filters: body.crmFilters == null ? null : JSON.stringify(body.crmFilters),
    user_ids: JSON.stringify(userIds),
    leads_per_list: (body.leadsPerList as number | undefined) ?? 10,
    active_until: (body.activeUntil as string | null | undefined) ?? null,
    created_at: now,
    updated_at: now,
  };
  insertIcp(row, userIds);
  return icpOf(row);
}

const publicKeyPem = process.env.AUTH_JWT_PUBLIC_KEY;
const publicKey = publicKeyPem ? await importSPKI(publicKeyPem, 'RS256') : undefined;

/** The verified subject of the bearer token; null when there is none or it does not verify. */
async function verifiedUser(req: IncomingMessage): Promise<string | null> {
  const header = req.headers.authorization;
  if (publicKey === undefined || !header?.startsWith('Bearer ')) return null;
  try {
    const { payload } = await jwtVerify(header.slice('Bearer '.length), publicKey, {
      algorithms: ['RS256'],
    });
    return payload.sub ?? null;
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://baseline');
    if (req.method === 'GET' && url.pathname === '/healthz')
      return send(res, 200, { status: 'ok' });
    const tokenUser = await verifiedUser(req);
    if (publicKey !== undefined && tokenUser === null) {
      return send(res, 401, { error: 'unauthorized' });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/icps/')) {
      const row = selectById.get(url.pathname.slice('/icps/'.length));
      return row === undefined
        ? send(res, 404, { error: 'not found' })
        : send(res, 200, icpOf(row));
    }
    if (req.method === 'GET' && url.pathname === '/icps') {
      const user = tokenUser ?? url.searchParams.get('user') ?? '';
      return send(res, 200, selectOfUser.all(user).map(icpOf));
    }
    if (req.method === 'POST' && url.pathname === '/icps') {
      const creatorId = tokenUser ?? String(req.headers['x-user-id'] ?? 'anonymous');
      return send(res, 201, create(await readJson(req), creatorId));
    }
    send(res, 404, { error: 'not found' });
  } catch (error) {
    send(res, 500, { error: String(error) });
  }
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => server.close(() => db.close()));
}
