/**
 * SharePoint lists for the fake Graph: lists, columns (indexed, unique), items with ETags.
 * Shapes: https://learn.microsoft.com/graph/api/resources/list, .../columndefinition,
 * .../listitem. A filter on a non-indexed column is refused, as SharePoint does past 5,000 items.
 */
import { HttpResponse } from 'msw';
import { graphSchemaErrors } from './graph-openapi';
import type { RecordedRequest } from './fake-graph';

interface FakeColumn {
  name: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  definition: Record<string, unknown>;
}

interface FakeItem {
  id: string;
  version: number;
  fields: Record<string, unknown>;
  /** Site-wide change number of the item's last change (the delta feed's cursor). */
  changeSeq: number;
}

interface FakeList {
  id: string;
  displayName: string;
  columns: FakeColumn[];
  items: Map<string, FakeItem>;
  /** Deleted item id -> change number of the deletion (the delta feed reports them). */
  deleted: Map<string, number>;
}

const error = (status: number, code: string, message: string) =>
  HttpResponse.json({ error: { code, message, innerError: { 'request-id': `req-${status}-${code}` } } }, { status, headers: { 'request-id': `req-${status}-${code}` } });

const BUILT_IN: FakeColumn[] = ['Title', 'ID', 'Created', 'Modified'].map((name, n) => ({
  name,
  indexed: name === 'ID',
  enforceUniqueValues: false,
  definition: { id: `fa42b${n}00-0000-4000-8000-000000000000`, name, displayName: name, indexed: name === 'ID', text: {} },
}));

export class FakeSharePoint {
  readonly sites = new Map<string, Map<string, FakeList>>();
  readonly schemaViolations: string[] = [];
  /** Page numbers (0-based) answered empty with a nextLink, as SharePoint does when it scans filtered-out rows. */
  emptyPages = new Set<number>();
  /** Delta tokens below this change number are too old: 410 Gone (resyncRequired), as Graph answers after a long gap. */
  deltaTokensValidFrom = 0;
  private nextList = 1;
  private nextColumn = 1;
  private nextItem = 1;
  private changeSeq = 0;

  addSite(siteId: string): void {
    this.sites.set(siteId, new Map());
  }

  listByName(siteId: string, name: string): FakeList | undefined {
    return [...(this.sites.get(siteId)?.values() ?? [])].find((l) => l.displayName === name);
  }

  route(req: RecordedRequest): Response | null {
    const m = /^\/sites\/([^/]+)\/lists(?:\/([^/]+)(?:\/(columns|items)(?:\/([^/]+)(\/fields)?)?)?)?$/.exec(req.path);
    if (m === null) return null;
    const [, siteId = '', listId, segment, itemId, fields] = m;
    const site = this.sites.get(siteId);
    if (site === undefined) return error(404, 'itemNotFound', 'Requested site could not be found');
    if (listId === undefined) {
      if (req.method === 'GET') return HttpResponse.json({ value: [...site.values()].map((l) => this.listJson(l)) });
      if (req.method === 'POST') return this.createList(req, site);
      return null;
    }
    const list = site.get(listId);
    if (list === undefined) return error(404, 'itemNotFound', 'The requested list was not found');
    if (segment === 'columns' && itemId !== undefined && fields === undefined) {
      if (req.method === 'PATCH') return this.patchColumn(req, list, itemId);
      return null;
    }
    if (segment === 'columns') {
      if (req.method === 'GET') return HttpResponse.json({ value: list.columns.map((c) => c.definition) });
      if (req.method === 'POST') return this.createColumn(req, list);
      return null;
    }
    if (segment === 'items' && itemId === undefined) {
      if (req.method === 'POST') return this.createItem(req, list);
      if (req.method === 'GET') return this.listItems(req, list);
      return null;
    }
    // https://learn.microsoft.com/graph/api/listitem-delta: GET .../items/delta[?token=...]
    if (segment === 'items' && itemId === 'delta' && fields === undefined && req.method === 'GET') return this.delta(req, list);
    if (segment === 'items' && itemId !== undefined && fields !== undefined && req.method === 'PATCH') return this.patchFields(req, list, itemId);
    if (segment === 'items' && itemId !== undefined && fields === undefined && req.method === 'DELETE') {
      if (!list.items.delete(itemId)) return error(404, 'itemNotFound', 'Item not found');
      list.deleted.set(itemId, ++this.changeSeq);
      return new HttpResponse(null, { status: 204 });
    }
    if (segment === 'items' && itemId !== undefined && fields === undefined && req.method === 'GET') {
      const item = list.items.get(itemId);
      return item === undefined ? error(404, 'itemNotFound', 'Item not found') : HttpResponse.json(this.itemJson(item));
    }
    return null;
  }

  private invalid(schema: 'list' | 'columnDefinition' | 'listItem', req: RecordedRequest): Response | null {
    const errors = graphSchemaErrors(schema, req.body);
    if (errors.length === 0) return null;
    this.schemaViolations.push(`${req.method} ${req.path}: ${errors.join('; ')}`);
    return error(400, 'invalidRequest', errors.join('; '));
  }

  private listJson(list: FakeList) {
    return { id: list.id, displayName: list.displayName, name: list.displayName, list: { template: 'genericList', hidden: false, contentTypesEnabled: false } };
  }

  private column(definition: Record<string, unknown>): FakeColumn {
    return {
      name: String(definition.name),
      indexed: definition.indexed === true,
      enforceUniqueValues: definition.enforceUniqueValues === true,
      definition: { id: `c${String(this.nextColumn++).padStart(7, '0')}-0000-4000-8000-000000000000`, ...definition, indexed: definition.indexed === true },
    };
  }

  /** https://learn.microsoft.com/graph/api/columndefinition-update: here only `indexed` (what setup changes). */
  private patchColumn(req: RecordedRequest, list: FakeList, columnId: string): Response {
    const column = list.columns.find((c) => c.definition.id === columnId);
    if (column === undefined) return error(404, 'itemNotFound', 'Column not found');
    const body = req.body as Record<string, unknown>;
    if (Object.keys(body).some((k) => k !== 'indexed') || typeof body.indexed !== 'boolean') return error(400, 'invalidRequest', 'Only indexed is supported by the fake.');
    if (!body.indexed && column.enforceUniqueValues) return error(400, 'invalidRequest', 'A column that enforces unique values must be indexed.');
    column.indexed = body.indexed;
    column.definition = { ...column.definition, indexed: body.indexed };
    return HttpResponse.json(column.definition);
  }

  private createList(req: RecordedRequest, site: Map<string, FakeList>): Response {
    const bad = this.invalid('list', req);
    if (bad) return bad;
    const body = req.body as { displayName?: string; columns?: Record<string, unknown>[] };
    if ([...site.values()].some((l) => l.displayName === body.displayName)) return error(409, 'nameAlreadyExists', 'The list name is already in use.');
    for (const c of body.columns ?? []) {
      if (c.enforceUniqueValues === true && c.indexed !== true) return error(400, 'invalidRequest', 'A column that enforces unique values must be indexed.');
    }
    const list: FakeList = {
      id: `b${String(this.nextList++).padStart(7, '0')}-0000-4000-8000-000000000000`,
      displayName: body.displayName ?? '',
      columns: [...BUILT_IN, ...(body.columns ?? []).map((c) => this.column(c))],
      items: new Map(),
      deleted: new Map(),
    };
    site.set(list.id, list);
    return HttpResponse.json(this.listJson(list), { status: 201 });
  }

  private createColumn(req: RecordedRequest, list: FakeList): Response {
    const bad = this.invalid('columnDefinition', req);
    if (bad) return bad;
    const body = req.body as Record<string, unknown>;
    if (list.columns.some((c) => c.name === body.name)) return error(409, 'nameAlreadyExists', 'A duplicate field name was found.');
    const column = this.column(body);
    list.columns.push(column);
    return HttpResponse.json(column.definition, { status: 201 });
  }

  private etag(item: FakeItem): string {
    return `"${item.id.padStart(8, '0')}-aaaa-4bbb-8ccc-dddddddddddd,${item.version}"`;
  }

  private itemJson(item: FakeItem) {
    return { '@odata.etag': this.etag(item), id: item.id, eTag: this.etag(item), fields: { '@odata.etag': this.etag(item), id: item.id, ...item.fields } };
  }

  private createItem(req: RecordedRequest, list: FakeList): Response {
    const bad = this.invalid('listItem', req);
    if (bad) return bad;
    const fields = ((req.body as { fields?: Record<string, unknown> }).fields ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      if (!list.columns.some((c) => c.name === key)) return error(400, 'invalidRequest', `Field '${key}' is not recognized`);
    }
    for (const c of list.columns.filter((col) => col.enforceUniqueValues)) {
      const value = fields[c.name];
      if (value !== undefined && [...list.items.values()].some((i) => i.fields[c.name] === value)) {
        return error(409, 'nameAlreadyExists', 'This value already exists in the list; the column requires unique values.');
      }
    }
    const item: FakeItem = { id: String(this.nextItem++), version: 1, fields: { ...fields }, changeSeq: ++this.changeSeq };
    list.items.set(item.id, item);
    return HttpResponse.json(this.itemJson(item), { status: 201 });
  }

  private listItems(req: RecordedRequest, list: FakeList): Response {
    const filter = req.url.searchParams.get('$filter');
    let items = [...list.items.values()];
    if (filter !== null) {
      const m = /^fields\/(\w+) eq '((?:[^']|'')*)'$/.exec(filter);
      if (m === null) return error(400, 'invalidRequest', 'Unsupported $filter in the fake.');
      const [, name = '', raw = ''] = m;
      const column = list.columns.find((c) => c.name === name);
      if (column === undefined) return error(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (!column.indexed && !(req.headers.get('Prefer') ?? '').includes('HonorNonIndexedQueriesWarningMayFailRandomly')) {
        return error(400, 'invalidRequest', `Field '${name}' cannot be referenced in filter or orderby as it is not indexed.`);
      }
      const value = raw.replace(/''/g, "'");
      items = items.filter((i) => String(i.fields[name]) === value);
    }
    const expand = req.url.searchParams.get('$expand') === 'fields';
    const json = (i: FakeItem) => (expand ? this.itemJson(i) : { '@odata.etag': this.etag(i), id: i.id, eTag: this.etag(i) });
    const top = Number(req.url.searchParams.get('$top') ?? '5000');
    // The skip token is opaque to clients: "page.offset" here.
    const [pageText = '0', offsetText = '0'] = (req.url.searchParams.get('$skiptoken') ?? '0.0').split('.');
    const page = Number(pageText);
    const offset = Number(offsetText);
    const next = (nextOffset: number) => {
      const url = new URL(req.url);
      url.searchParams.set('$skiptoken', `${page + 1}.${nextOffset}`);
      return url.toString();
    };
    if (this.emptyPages.has(page)) return HttpResponse.json({ value: [], '@odata.nextLink': next(offset) });
    const slice = items.slice(offset, offset + top);
    return HttpResponse.json({
      value: slice.map(json),
      ...(offset + top < items.length ? { '@odata.nextLink': next(offset + top) } : {}),
    });
  }

  private patchFields(req: RecordedRequest, list: FakeList, itemId: string): Response {
    const item = list.items.get(itemId);
    if (item === undefined) return error(404, 'itemNotFound', 'Item not found');
    const ifMatch = req.headers.get('If-Match');
    if (ifMatch !== null && ifMatch !== '*' && ifMatch !== this.etag(item)) return error(412, 'resourceModified', 'ETag mismatch.');
    Object.assign(item.fields, req.body as Record<string, unknown>);
    item.version += 1;
    item.changeSeq = ++this.changeSeq;
    return HttpResponse.json({ '@odata.etag': this.etag(item), ...item.fields });
  }

  /**
   * The list items delta feed: `{ value, @odata.nextLink }` while pages remain, then
   * `{ value, @odata.deltaLink }`. Without `token` it enumerates every item; with the token of
   * an earlier deltaLink it returns the items changed since (latest state only) and deleted ones
   * as `{ id, deleted: { state: 'deleted' } }`. `token=latest` answers empty with a fresh link.
   * The token is opaque to clients: here "changeSeq" for deltaLinks, "changeSeq.offset" inside
   * a paged enumeration.
   */
  private delta(req: RecordedRequest, list: FakeList): Response {
    const token = req.url.searchParams.get('token');
    const link = (params: Record<string, string>) => {
      const url = new URL(req.url);
      for (const key of [...url.searchParams.keys()]) if (key === 'token' || key === '$skiptoken') url.searchParams.delete(key);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return url.toString();
    };
    if (token === 'latest') return HttpResponse.json({ value: [], '@odata.deltaLink': link({ token: String(this.changeSeq) }) });
    if (token !== null && !/^(\d+|i)(\.\d+)?$/.test(token)) return error(400, 'invalidRequest', 'Invalid delta token.');
    // "i" marks the pages of a first enumeration (no token): every item, no deletions.
    const [sinceText = 'i', offsetText = '0'] = (token ?? 'i').split('.');
    const initial = sinceText === 'i';
    const since = initial ? 0 : Number(sinceText);
    if (!initial && since < this.deltaTokensValidFrom) {
      return HttpResponse.json(
        { error: { code: 'resyncRequired', message: 'Resync required. Replace any local items with the server\'s version.' } },
        { status: 410, headers: { Location: link({}) } },
      );
    }
    const offset = Number(offsetText);
    const expand = req.url.searchParams.get('$expand') === 'fields';
    const changed = [
      ...[...list.items.values()].filter((i) => i.changeSeq > since).map((i) => ({ seq: i.changeSeq, json: expand ? this.itemJson(i) : { id: i.id, eTag: this.etag(i) } as Record<string, unknown> })),
      ...(initial ? [] : [...list.deleted.entries()].filter(([, seq]) => seq > since).map(([id, seq]) => ({ seq, json: { id, deleted: { state: 'deleted' } } as Record<string, unknown> }))),
    ].sort((a, b) => a.seq - b.seq);
    const top = Number(req.url.searchParams.get('$top') ?? '200');
    const slice = changed.slice(offset, offset + top);
    if (offset + top < changed.length) {
      return HttpResponse.json({ value: slice.map((c) => c.json), '@odata.nextLink': link({ token: `${sinceText}.${offset + top}` }) });
    }
    return HttpResponse.json({ value: slice.map((c) => c.json), '@odata.deltaLink': link({ token: String(this.changeSeq) }) });
  }
}
