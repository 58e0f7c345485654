'use strict';
// Boomi Spaces simulator: a local stand-in for Boomi's JWT endpoint and Spaces
// GraphQL gateway, faithful to what ../shared/boomi-spaces/README.md states
// and tolerant where Boomi's behaviour is only inferred (see the option list).
// Tests drive it over real HTTP, inspect `requests` / `mutations` / `state`, and
// shape its misbehaviour with rateLimit, injectFault, expireJwts and latency.
//
// Pipeline for POST /graphql, in this order (each step answers and stops):
//   405 method → 406 Accept → 415 Content-Type (opt-in) → 400 body not JSON /
//   no query → 401 bearer → 400 parse / validate / operation / variables →
//   rate limit (mode 'http') → injected fault (before apply) → execute →
//   injected fault (afterApply) → 200 with data (+ errors).
// No console output here: cli.js does the printing.

const crypto = require('crypto');
const http = require('http');
const { parse, validate, execute, getOperationAST, Kind } = require('graphql');
// Internal graphql-js helpers (stable in the pinned 16.x): they let the simulator
// resolve the operation, coerce variables and expand fragments to the root
// fields *before* executing, which rate limiting and fault matching need.
const { buildExecutionContext } = require('graphql/execution/execute');
const { collectFields } = require('graphql/execution/collectFields');

const ids = require('./ids');
const { defaultSeed, normalizeSeed, demoOf } = require('./seed');
const {
	BoomiError,
	makeRootValue,
	RATE_LIMIT_TEXT,
	EXECUTION_STATUSES,
	DEFAULT_OUTCOME,
	settleExecutions,
	executionJson,
	isoSeconds,
} = require('./resolvers');

// Built once per process (schema.js): a schema rebuild per request or per
// simulator would dominate the cost of test runs with thousands of requests.
const { schema } = require('./schema');

const DEFAULT_OPTIONS = Object.freeze({
	port: 0,
	host: '127.0.0.1',
	latencyMs: 0,
	fieldCostMs: 0,
	jwtLifetimeMs: 300000,
	jwtFormat: 'text',
	requireAccept: true,
	// Boomi does not document a Content-Type check; opt in to catch clients that omit it (→ 415).
	requireJsonContentType: false,
	rateLimit: null,
	errorCodeLocation: 'message',
	seed: undefined,
	// Called with each request record after its response went out (cli.js --verbose uses it).
	onRequest: undefined,
});

const FIXED_OPTIONS = new Set(['port', 'host', 'seed']);

/** The faults setChaos() draws from; each returns injectFault-like fields. */
const CHAOS_FAULTS = {
	throttle429: (random) => ({ status: 429, body: { errors: [{ message: 'Too Many Requests', extensions: {} }] }, headers: random() < 0.5 ? { 'retry-after': '0' } : {} }),
	throttle503: (random) => ({
		status: 503,
		body: { data: null, errors: [{ message: 'PLATFORM_CALL_ERROR: Platform API responded 503 Service Unavailable: rate limit exceeded', extensions: {} }] },
		headers: random() < 0.5 ? { 'retry-after': '0' } : {},
	}),
	error500After: () => ({ status: 500, afterApply: true }),
	resetBefore: () => ({ destroySocket: true }),
	resetAfter: () => ({ destroySocket: true, afterApply: true }),
	unreadableAfter: () => ({ status: 200, afterApply: true, body: '{"data":{"integrationPackInstanceEnvironmentAttachmentUn' }),
	proxy502: () => ({ status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }),
	slow: () => ({ delayMs: 150, passThrough: true }),
};

/** mulberry32: a small seeded PRNG, so a chaos run is repeatable. */
function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_FAULT_BODY = { data: null, errors: [{ message: 'Downstream Execution Error: Server Error', extensions: {} }] };

// ---- parse / validate cache ------------------------------------------------------
// Shared by all simulators in the process (the schema is shared too). Clients
// send the same few query strings thousands of times; a bounded Map keyed by the
// exact query text makes parse + validate a one-time cost per distinct query.
const compileCache = new Map();
const COMPILE_CACHE_MAX = 1000;

function compile(query) {
	let entry = compileCache.get(query);
	if (entry) return entry;
	try {
		const document = parse(query);
		const errors = validate(schema, document);
		entry = { document, errors: errors.length ? errors : null };
	} catch (syntaxError) {
		entry = { document: null, errors: [syntaxError] };
	}
	if (compileCache.size >= COMPILE_CACHE_MAX) compileCache.delete(compileCache.keys().next().value);
	compileCache.set(query, entry);
	return entry;
}

// ---- small helpers ---------------------------------------------------------------

const sleep = (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function base64urlJson(value) {
	return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function jsonOutcome(status, payload, headers = {}) {
	return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(payload) };
}

function acceptsJson(accept) {
	if (typeof accept !== 'string') return false;
	return accept.split(',').some((part) => {
		const type = part.split(';')[0].trim().toLowerCase();
		return type === 'application/json' || type === '*/*' || type === 'application/*';
	});
}

function parseBasicAuth(header) {
	const match = /^Basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i.exec(header ?? '');
	if (!match) return null;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The response key of the first root field, for the `path` of Boomi's 401 body. */
function firstResponseKey(document, operationName) {
	if (!document) return null;
	const operation =
		getOperationAST(document, operationName ?? undefined) ?? document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
	if (!operation) return null;
	const fragments = new Map(
		document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
	);
	const seen = new Set();
	const walk = (selectionSet) => {
		for (const selection of selectionSet.selections) {
			if (selection.kind === Kind.FIELD) return (selection.alias ?? selection.name).value;
			let inner = null;
			if (selection.kind === Kind.INLINE_FRAGMENT) inner = selection.selectionSet;
			else if (!seen.has(selection.name.value) && fragments.has(selection.name.value)) {
				seen.add(selection.name.value);
				inner = fragments.get(selection.name.value).selectionSet;
			}
			const key = inner ? walk(inner) : null;
			if (key !== null) return key;
		}
		return null;
	};
	return walk(operation.selectionSet);
}

/** Errors that stop a request before execution (syntax, validation, variables): no path. */
function requestErrorJson(error) {
	const out = { message: error.message };
	if (error.locations) out.locations = error.locations;
	out.extensions = {};
	return out;
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge }));
		req.on('error', reject);
	});
}

// ---- options ---------------------------------------------------------------------

function normalizeRateLimit(rateLimit) {
	if (rateLimit === null || rateLimit === undefined || rateLimit === false) return null;
	const requestsPerSecond = Number(rateLimit.requestsPerSecond);
	if (!(requestsPerSecond > 0)) throw new TypeError('rateLimit.requestsPerSecond must be a number > 0');
	const burst = rateLimit.burst === undefined ? Math.max(1, Math.ceil(requestsPerSecond)) : Number(rateLimit.burst);
	if (!(burst >= 1)) throw new TypeError('rateLimit.burst must be >= 1');
	const status = rateLimit.status ?? 503;
	if (status !== 503 && status !== 429) throw new TypeError('rateLimit.status must be 503 or 429');
	const mode = rateLimit.mode ?? 'http';
	if (mode !== 'http' && mode !== 'field') throw new TypeError("rateLimit.mode must be 'http' or 'field'");
	const retryAfterSeconds = rateLimit.retryAfterSeconds ?? undefined;
	if (retryAfterSeconds !== undefined && !(Number(retryAfterSeconds) >= 0)) {
		throw new TypeError('rateLimit.retryAfterSeconds must be a number >= 0');
	}
	return { requestsPerSecond, burst, status, mode, retryAfterSeconds };
}

function normalizeOptions(options) {
	for (const key of Object.keys(options)) {
		if (!(key in DEFAULT_OPTIONS)) throw new TypeError(`Unknown simulator option '${key}'`);
	}
	const o = { ...DEFAULT_OPTIONS, ...options };
	for (const key of ['latencyMs', 'fieldCostMs', 'jwtLifetimeMs']) {
		o[key] = Number(o[key]);
		if (!(o[key] >= 0)) throw new TypeError(`${key} must be a number >= 0`);
	}
	if (o.jwtFormat !== 'text' && o.jwtFormat !== 'json') throw new TypeError("jwtFormat must be 'text' or 'json'");
	if (o.errorCodeLocation !== 'message' && o.errorCodeLocation !== 'extensions') {
		throw new TypeError("errorCodeLocation must be 'message' or 'extensions'");
	}
	o.rateLimit = normalizeRateLimit(o.rateLimit);
	return o;
}

// ---- the simulator -----------------------------------------------------------------

class BoomiSpacesSimulator {
	constructor(options = {}) {
		this.options = normalizeOptions(options);
		this._seed = normalizeSeed(this.options.seed ?? defaultSeed());
		/** The live data; reset() restores it in place so references stay valid. */
		this.state = structuredClone(this._seed);
		this.demo = demoOf(this.state);
		this.requests = [];
		this.mutations = [];
		this.url = undefined;
		this.graphqlUrl = undefined;
		this.authUrl = undefined;
		this._faults = [];
		this._stalled = new Set();
		this._chaos = null;
		this._jwts = new Map(); // jwt string → { accountId, username, jti, expiresAt }
		this._buckets = new Map(); // accountId → { tokens, updatedAt }
		this._rootValue = makeRootValue(this);
		this._server = http.createServer((req, res) => {
			this._handle(req, res).catch(() => req.socket.destroy());
		});
		// Longer than undici's default reuse window, so a paused test never races
		// the server closing an idle keep-alive socket.
		this._server.keepAliveTimeout = 30000;
		this._closed = false;
		// Public methods work when destructured (`const { mintJwt } = sim`).
		for (const name of [
			'mintJwt',
			'expireJwts',
			'injectFault',
			'clearFaults',
			'setOptions',
			'recordExecution',
			'setProcessOutcome',
			'settleExecutions',
			'restoreSeedData',
			'reset',
			'close',
		]) {
			this[name] = this[name].bind(this);
		}
	}

	async _listen() {
		await new Promise((resolve, reject) => {
			this._server.once('error', reject);
			this._server.listen(this.options.port, this.options.host, () => {
				this._server.off('error', reject);
				resolve();
			});
		});
		const { port } = this._server.address();
		this.url = `http://${this.options.host}:${port}`;
		this.graphqlUrl = `${this.url}/graphql`;
		this.authUrl = this.url;
		this.port = port;
	}

	// ---- public API ----

	/** A valid JWT for the account (default: the demo account), as if fetched over HTTP. */
	mintJwt({ accountId = this.demo.accountId, lifetimeMs } = {}) {
		const account = this.state.accounts.find((a) => a.accountId === accountId);
		if (!account) throw new Error(`mintJwt: unknown account '${accountId}'`);
		return this._issueJwt(account, lifetimeMs);
	}

	/** Every JWT issued so far is expired from now on; tokens minted afterwards are fine. */
	expireJwts() {
		for (const entry of this._jwts.values()) entry.expiresAt = 0;
	}

	/**
	 * Queue a fault for the next `times` matching requests. Returns the live fault
	 * record ({ remaining, hits, ... }). Fields:
	 *   target 'graphql' (default) | 'auth'; operationName; field (root field name or alias);
	 *   times = 1 (Infinity allowed); status = 500; body (object → JSON, string as is);
	 *   headers; delayMs (on top of latencyMs); afterApply = false (execute, then answer
	 *   with the fault); destroySocket = false (close the connection, no response);
	 *   fieldError: { code, message } — instead of an HTTP fault, the matching root
	 *   field errors like a domain error (HTTP 200, other fields unaffected, not applied);
	 *   location: a Location header with an empty body (a redirect: give `status` 301…308);
	 *   hang: never answer (the connection stays open until the client gives up);
	 *   stallAfterBytes: n — send the status, headers and the first n bytes of the body, then stall.
	 * GraphQL faults are matched after auth, parse/validation and rate limiting.
	 */
	injectFault(fault = {}) {
		const record = {
			target: fault.target ?? 'graphql',
			operationName: fault.operationName,
			field: fault.field,
			times: fault.times ?? 1,
			status: fault.status ?? 500,
			body: fault.body,
			headers: fault.headers ?? {},
			delayMs: fault.delayMs ?? 0,
			afterApply: Boolean(fault.afterApply),
			destroySocket: Boolean(fault.destroySocket),
			location: fault.location,
			hang: Boolean(fault.hang),
			stallAfterBytes: fault.stallAfterBytes,
			fieldError: fault.fieldError,
			remaining: fault.times ?? 1,
			hits: 0,
		};
		if (record.target !== 'graphql' && record.target !== 'auth') throw new TypeError("fault.target must be 'graphql' or 'auth'");
		this._faults.push(record);
		return record;
	}

	clearFaults() {
		this._faults.length = 0;
		this._chaos = null;
	}

	/**
	 * Seeded chaos for many-item runs: each GraphQL request after auth meets, with
	 * `probability`, one fault drawn from `kinds` (default: every kind) —
	 * throttle429 / throttle503 (with or without Retry-After), error500After (a 500
	 * after applying), resetBefore / resetAfter (the connection dropped before or
	 * after applying), unreadableAfter (truncated JSON after applying), proxy502
	 * (an HTML page, not applied), slow (a normal answer, late). The request
	 * record says which (`record.chaos`), so a test checks its invariants from
	 * this log and `mutations`. `setChaos(null)` stops it.
	 */
	setChaos(options) {
		if (!options) {
			this._chaos = null;
			return;
		}
		const kinds = options.kinds ?? Object.keys(CHAOS_FAULTS);
		for (const kind of kinds) if (!CHAOS_FAULTS[kind]) throw new TypeError(`unknown chaos kind '${kind}'`);
		this._chaos = { probability: options.probability ?? 0.3, kinds, random: seededRandom(options.seed ?? 1) };
	}

	/** Change options on the running server. Changing rateLimit refills every bucket. */
	setOptions(partial = {}) {
		for (const key of Object.keys(partial)) {
			if (FIXED_OPTIONS.has(key)) throw new TypeError(`Option '${key}' cannot be changed on a running simulator`);
		}
		const { seed, ...current } = this.options;
		this.options = { ...normalizeOptions({ ...current, ...partial }), seed };
		if ('rateLimit' in partial) this._buckets.clear();
	}

	/**
	 * Add an execution history record as if the platform had run the process,
	 * without a request (for tests of a poller). Returns the record exactly as
	 * executionHistory answers it. Fields (all but processId optional):
	 *   processId (must be a known process), status = 'COMPLETE' (ExecutionHistoryStatus),
	 *   message = null, executionTime = now (ISO, or a Date / ms), atomId = the first atom
	 *   the process is deployed to, executionType = 'exec_sched', executionId (minted),
	 *   originalExecutionId, executionDuration (ms), inboundDocumentCount,
	 *   inboundErrorDocumentCount, outboundDocumentCount, inboundDocumentSize,
	 *   outboundDocumentSize (bytes).
	 */
	recordExecution(input = {}) {
		const process = this.state.processes.find((p) => p.id === input.processId);
		if (!process) throw new Error(`recordExecution: unknown processId '${input.processId}'`);
		const status = input.status ?? 'COMPLETE';
		if (!EXECUTION_STATUSES.includes(status)) throw new Error(`recordExecution: status must be one of ${EXECUTION_STATUSES.join(', ')}`);
		let executionTime = input.executionTime ?? Date.now();
		if (typeof executionTime !== 'string') executionTime = isoSeconds(new Date(executionTime).getTime());
		if (Number.isNaN(Date.parse(executionTime))) throw new Error(`recordExecution: bad executionTime '${input.executionTime}'`);
		const record = {
			executionId: input.executionId ?? `execution-${crypto.randomUUID()}-${executionTime.slice(0, 10).replace(/-/g, '.')}`,
			originalExecutionId: input.originalExecutionId ?? null,
			account: this._ownerOfProcess(process),
			processId: process.id,
			atomId: input.atomId === undefined ? this._firstAtomOf(process) : input.atomId,
			executionTime,
			status,
			executionType: input.executionType ?? 'exec_sched',
			message: input.message ?? null,
			inboundDocumentCount: input.inboundDocumentCount ?? 0,
			inboundErrorDocumentCount: input.inboundErrorDocumentCount ?? 0,
			outboundDocumentCount: input.outboundDocumentCount ?? 0,
			executionDuration: input.executionDuration ?? 0,
			inboundDocumentSize: input.inboundDocumentSize ?? 0,
			outboundDocumentSize: input.outboundDocumentSize ?? 0,
		};
		this.state.executions.push(record);
		return executionJson(this.state, record);
	}

	/**
	 * How runs that processExecute starts for this process end: { status = 'COMPLETE',
	 * message = null, runMs = 1000 (INPROCESS until then), inboundDocumentCount, ... }.
	 * Lives in state (reset() restores the seed's outcome). Returns the outcome.
	 */
	setProcessOutcome(processId, outcome = {}) {
		const process = this.state.processes.find((p) => p.id === processId);
		if (!process) throw new Error(`setProcessOutcome: unknown processId '${processId}'`);
		const merged = { ...DEFAULT_OUTCOME, ...outcome };
		if (!EXECUTION_STATUSES.includes(merged.status)) throw new Error(`setProcessOutcome: status must be one of ${EXECUTION_STATUSES.join(', ')}`);
		if (!(Number(merged.runMs) >= 0)) throw new TypeError('setProcessOutcome: runMs must be a number >= 0');
		process.outcome = merged;
		return { ...merged };
	}

	/** Every execution processExecute started finishes now, with its process's outcome. */
	settleExecutions() {
		settleExecutions(this.state, Infinity);
	}

	/** Seed data back, and nothing else: logs, faults and issued JWTs stay (a later step of one scenario). */
	restoreSeedData() {
		for (const key of Object.keys(this.state)) delete this.state[key];
		Object.assign(this.state, structuredClone(this._seed));
		Object.assign(this.demo, demoOf(this.state));
	}

	/** Seed data back; requests, mutations, faults, issued JWTs and rate buckets cleared. Options stay. */
	reset() {
		this.restoreSeedData();
		this.requests.length = 0;
		this.mutations.length = 0;
		this._faults.length = 0;
		this._jwts.clear();
		this._buckets.clear();
	}

	async close() {
		if (this._closed) return;
		this._closed = true;
		for (const res of this._stalled) res.destroy();
		this._stalled.clear();
		const closed = new Promise((resolve) => this._server.close(() => resolve()));
		this._server.closeAllConnections();
		await closed;
	}

	// ---- internals used by resolvers.js ----

	/** processExecute: an INPROCESS record that settles to the process's outcome after runMs. */
	_startExecution(process, atom, accountId) {
		const outcome = { ...DEFAULT_OUTCOME, ...(process.outcome || {}) };
		const now = Date.now();
		const executionTime = isoSeconds(now);
		const record = {
			executionId: `execution-${crypto.randomUUID()}-${executionTime.slice(0, 10).replace(/-/g, '.')}`,
			requestId: `executionrecord-${crypto.randomUUID()}`,
			originalExecutionId: null,
			account: accountId,
			processId: process.id,
			atomId: atom.id,
			executionTime,
			status: 'INPROCESS',
			executionType: 'exec_manual',
			message: null,
			inboundDocumentCount: 0,
			inboundErrorDocumentCount: 0,
			outboundDocumentCount: 0,
			executionDuration: 0,
			inboundDocumentSize: 0,
			outboundDocumentSize: 0,
			pending: { completesAt: now + Number(outcome.runMs), outcome },
		};
		this.state.executions.push(record);
		return record;
	}

	_ownerOfProcess(process) {
		const instance = this.state.instances.find((i) => i.id === process.integrationPackInstanceId);
		return (instance && instance.accountId) ?? this.state.accounts[0].accountId;
	}

	_firstAtomOf(process) {
		for (const a of this.state.attachments) {
			if (a.integrationPackInstanceId !== process.integrationPackInstanceId) continue;
			const env = this.state.environments.find((e) => e.id === a.environmentId);
			if (env && env.atoms[0]) return env.atoms[0].id;
		}
		return null;
	}

	/** Token bucket per account: `requestsPerSecond` refill, `burst` capacity, all-or-nothing. */
	_takeTokens(accountId, count) {
		const rateLimit = this.options.rateLimit;
		if (!rateLimit || count <= 0) return true;
		const now = performance.now();
		let bucket = this._buckets.get(accountId);
		if (!bucket) {
			bucket = { tokens: rateLimit.burst, updatedAt: now };
			this._buckets.set(accountId, bucket);
		}
		bucket.tokens = Math.min(rateLimit.burst, bucket.tokens + ((now - bucket.updatedAt) * rateLimit.requestsPerSecond) / 1000);
		bucket.updatedAt = now;
		// The epsilon absorbs float drift so "exactly enough" refill counts.
		if (bucket.tokens + 1e-9 < count) return false;
		bucket.tokens = Math.max(0, bucket.tokens - count);
		return true;
	}

	_takeFieldFault(fieldName, responseKey, operationName) {
		for (const fault of this._faults) {
			if (!fault.fieldError || fault.remaining <= 0 || fault.target !== 'graphql') continue;
			if (fault.operationName !== undefined && fault.operationName !== operationName) continue;
			if (fault.field !== undefined && fault.field !== fieldName && fault.field !== responseKey) continue;
			fault.remaining--;
			fault.hits++;
			return fault.fieldError;
		}
		return null;
	}

	_takeRequestFault(target, operationName, rootFields) {
		for (const fault of this._faults) {
			if (fault.fieldError || fault.remaining <= 0 || fault.target !== target) continue;
			if (fault.operationName !== undefined && fault.operationName !== operationName) continue;
			if (fault.field !== undefined && !rootFields.some((f) => f.fieldName === fault.field || f.responseKey === fault.field)) continue;
			fault.remaining--;
			fault.hits++;
			return fault;
		}
		return null;
	}

	_chaosFault(record) {
		const chaos = this._chaos;
		if (!chaos || chaos.random() >= chaos.probability) return null;
		const kind = chaos.kinds[Math.floor(chaos.random() * chaos.kinds.length)];
		record.chaos = kind;
		return { headers: {}, delayMs: 0, body: undefined, status: 500, afterApply: false, destroySocket: false, ...CHAOS_FAULTS[kind](chaos.random) };
	}

	_issueJwt(account, lifetimeMs = this.options.jwtLifetimeMs) {
		const now = Date.now();
		const expiresAt = now + lifetimeMs;
		const jti = crypto.randomUUID();
		const header = { alg: 'RS256', typ: 'JWT', kid: 'boomi-sim-1' };
		const payload = {
			sub: account.username,
			accountId: account.accountId,
			iat: Math.floor(now / 1000),
			exp: Math.floor(expiresAt / 1000),
			jti,
		};
		// The signature is random bytes of RS256 length: validity is by lookup, never by verification.
		const jwt = `${base64urlJson(header)}.${base64urlJson(payload)}.${crypto.randomBytes(256).toString('base64url')}`;
		this._jwts.set(jwt, { accountId: account.accountId, username: account.username, jti, expiresAt });
		return jwt;
	}

	_authenticateBearer(header) {
		const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
		if (!match) return null;
		const entry = this._jwts.get(match[1]);
		return entry && Date.now() < entry.expiresAt ? entry : null;
	}

	/** `{message, extensions}` for a Boomi error, honouring errorCodeLocation. */
	_boomiError(code, text) {
		return this.options.errorCodeLocation === 'extensions'
			? { message: text, extensions: { code } }
			: { message: `${code}: ${text}`, extensions: {} };
	}

	_fieldErrorJson(error) {
		const original = error.originalError;
		const { message, extensions } =
			original instanceof BoomiError
				? this._boomiError(original.code, original.text)
				: // Anything else is a simulator bug or a graphql-js serialisation error: surface it loudly.
					this._boomiError('GENERIC_SYSTEM_ERROR', (original ?? error).message);
		const out = { message };
		if (error.locations) out.locations = error.locations;
		if (error.path) out.path = error.path;
		out.extensions = extensions;
		return out;
	}

	_faultOutcome(fault, record) {
		record.fault = true;
		if (fault.destroySocket) return { destroySocket: true, delayMs: fault.delayMs };
		if (fault.hang) return { hang: true, delayMs: fault.delayMs };
		if (fault.location !== undefined) {
			return { status: fault.status, headers: { location: String(fault.location), 'content-length': '0' }, body: '', delayMs: fault.delayMs };
		}
		let body = fault.body === undefined ? DEFAULT_FAULT_BODY : fault.body;
		let contentType = 'application/json; charset=utf-8';
		if (typeof body === 'string') {
			try {
				JSON.parse(body);
			} catch {
				contentType = 'text/plain; charset=utf-8';
			}
		} else {
			body = JSON.stringify(body);
		}
		const headers = { 'content-type': contentType };
		for (const [name, value] of Object.entries(fault.headers)) headers[name.toLowerCase()] = String(value);
		return { status: fault.status, headers, body, delayMs: fault.delayMs, stallAfterBytes: fault.stallAfterBytes };
	}

	_throttledOutcome(record) {
		const rateLimit = this.options.rateLimit;
		record.throttled = true;
		const headers = rateLimit.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rateLimit.retryAfterSeconds) };
		if (rateLimit.status === 429) return jsonOutcome(429, { errors: [{ message: 'Too Many Requests', extensions: {} }] }, headers);
		return jsonOutcome(503, { data: null, errors: [this._boomiError('PLATFORM_CALL_ERROR', RATE_LIMIT_TEXT)] }, headers);
	}

	// ---- HTTP ----

	async _handle(req, res) {
		const record = {
			at: Date.now(),
			method: req.method,
			path: req.url,
			headers: { ...req.headers },
			body: '',
			json: undefined,
			operationName: undefined,
			variables: undefined,
			status: undefined,
			responseBody: undefined,
			throttled: false,
			fault: false,
		};
		const { text, tooLarge } = await readBody(req);
		record.body = text;
		this.requests.push(record);

		let outcome;
		try {
			outcome = tooLarge ? jsonOutcome(413, { errors: [{ message: 'Payload Too Large', extensions: {} }] }) : await this._route(req, record);
		} catch (error) {
			outcome = jsonOutcome(500, { data: null, errors: [this._boomiError('GENERIC_SYSTEM_ERROR', String(error && error.stack))] });
		}

		await sleep(this.options.latencyMs + (outcome.delayMs || 0));
		record.respondedAt = Date.now();
		if (outcome.hang || outcome.stallAfterBytes !== undefined) {
			// A stalled server or proxy: the client must give up by itself.
			record.status = outcome.hang ? null : outcome.status;
			record.responseBody = null;
			record.stalled = true;
			if (!outcome.hang && !res.destroyed) {
				res.writeHead(outcome.status, { ...outcome.headers, 'content-length': String(Buffer.byteLength(outcome.body)) });
				res.write(Buffer.from(outcome.body).subarray(0, outcome.stallAfterBytes));
			}
			this._stalled.add(res);
		} else if (outcome.destroySocket) {
			// The request may have been applied (afterApply): the client just never hears back.
			record.status = null;
			record.responseBody = null;
			req.socket.destroy();
		} else {
			record.status = outcome.status;
			record.responseBody = outcome.body;
			if (!res.destroyed) {
				res.writeHead(outcome.status, outcome.headers);
				res.end(outcome.body);
			}
		}
		if (typeof this.options.onRequest === 'function') {
			try {
				this.options.onRequest(record);
			} catch {
				// A logging hook must never break the simulator.
			}
		}
	}

	_route(req, record) {
		const pathname = req.url.split('?')[0];
		if (pathname === '/graphql') return this._graphql(req, record);
		const match = /^\/auth\/jwt\/generate\/([^/]+)$/.exec(pathname);
		if (match) return this._auth(req, record, match[1]);
		return jsonOutcome(404, { message: 'Not Found' });
	}

	_auth(req, record, rawAccountId) {
		if (req.method !== 'GET') return jsonOutcome(405, { message: 'Method Not Allowed' }, { allow: 'GET' });
		const fault = this._takeRequestFault('auth', undefined, []);
		if (fault && !fault.afterApply) return this._faultOutcome(fault, record);

		let accountId = null;
		try {
			accountId = decodeURIComponent(rawAccountId);
		} catch {
			// Malformed escape: treated like an unknown account.
		}
		const account = this.state.accounts.find((a) => a.accountId === accountId);
		const credentials = parseBasicAuth(req.headers.authorization);
		const ok =
			account &&
			credentials &&
			credentials.user === `BOOMI_TOKEN.${account.username}` &&
			credentials.password === account.apiToken;
		let outcome;
		if (!ok) {
			outcome = jsonOutcome(401, { message: 'Unauthorized' });
		} else {
			const jwt = this._issueJwt(account);
			outcome =
				this.options.jwtFormat === 'json'
					? jsonOutcome(200, { token: jwt })
					: { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: jwt };
		}
		return fault ? this._faultOutcome(fault, record) : outcome;
	}

	async _graphql(req, record) {
		const options = this.options;
		if (req.method !== 'POST') {
			return jsonOutcome(405, { errors: [{ message: 'Method Not Allowed: POST a JSON body to /graphql', extensions: {} }] }, { allow: 'POST' });
		}
		if (options.requireAccept && !acceptsJson(req.headers.accept)) {
			return jsonOutcome(406, { errors: [{ message: 'Not Acceptable: the Accept header must allow application/json', extensions: {} }] });
		}
		if (options.requireJsonContentType && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
			return jsonOutcome(415, { errors: [{ message: 'Unsupported Media Type: send Content-Type: application/json', extensions: {} }] });
		}
		const badRequest = (message) => jsonOutcome(400, { data: null, errors: [{ message, extensions: {} }] });
		let json;
		try {
			json = JSON.parse(record.body);
		} catch {
			return badRequest('Bad Request: the request body is not valid JSON');
		}
		record.json = json;
		if (!isPlainObject(json)) return badRequest('Bad Request: the request body must be a JSON object {query, variables, operationName}');
		const { query, variables, operationName } = json;
		record.variables = variables;
		record.operationName = typeof operationName === 'string' ? operationName : undefined;
		if (typeof query !== 'string' || query.trim() === '') return badRequest('Must provide query string.');
		if (variables !== undefined && variables !== null && !isPlainObject(variables)) {
			return badRequest('Variables must be provided as an Object where each property is a variable value.');
		}
		if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
			return badRequest('Operation name must be a string.');
		}

		const compiled = compile(query);
		const identity = this._authenticateBearer(req.headers.authorization);
		if (!identity) {
			return jsonOutcome(401, {
				data: null,
				errors: [
					{
						message: 'Downstream Execution Error: Unauthorized',
						path: [firstResponseKey(compiled.document, operationName)],
						extensions: {},
					},
				],
			});
		}
		if (compiled.errors) return jsonOutcome(400, { data: null, errors: compiled.errors.map(requestErrorJson) });

		const exeContext = buildExecutionContext({ schema, document: compiled.document, variableValues: variables, operationName });
		if (Array.isArray(exeContext)) return jsonOutcome(400, { data: null, errors: exeContext.map(requestErrorJson) });
		const operation = exeContext.operation;
		record.operationName = operation.name ? operation.name.value : (record.operationName ?? null);
		const rootType = schema.getRootType(operation.operation);
		const rootFields = [...collectFields(schema, exeContext.fragments, exeContext.variableValues, rootType, operation.selectionSet)].map(
			([responseKey, nodes]) => ({ responseKey, fieldName: nodes[0].name.value }),
		);
		// Introspection (__typename, __schema) is answered by the gateway, not the platform.
		const platformCalls = rootFields.filter((f) => !f.fieldName.startsWith('__')).length;

		const rateLimit = options.rateLimit;
		if (rateLimit && rateLimit.mode === 'http' && !this._takeTokens(identity.accountId, platformCalls)) {
			return this._throttledOutcome(record);
		}

		const fault = this._takeRequestFault('graphql', record.operationName, rootFields) ?? this._chaosFault(record);
		if (fault && !fault.afterApply && !fault.passThrough) return this._faultOutcome(fault, record);

		const contextValue = {
			accountId: identity.accountId,
			spaceGuid: req.headers.space_guid,
			operationName: record.operationName,
			record,
			rateMode: rateLimit && rateLimit.mode === 'field' ? 'field' : 'none',
		};
		const result = await execute({
			schema,
			document: compiled.document,
			rootValue: this._rootValue,
			contextValue,
			variableValues: variables,
			operationName,
		});
		if (fault && !fault.passThrough) return this._faultOutcome(fault, record);
		if (!('data' in result)) return jsonOutcome(400, { data: null, errors: result.errors.map(requestErrorJson) });
		const payload = { data: result.data ?? null };
		if (result.errors && result.errors.length) payload.errors = result.errors.map((e) => this._fieldErrorJson(e));
		return { ...jsonOutcome(200, payload), delayMs: fault ? fault.delayMs : 0 };
	}
}

/**
 * Start a simulator on 127.0.0.1. Options (all optional): port (0 = random),
 * latencyMs, fieldCostMs, jwtLifetimeMs, jwtFormat 'text'|'json', requireAccept,
 * requireJsonContentType, rateLimit null | { requestsPerSecond, burst, status 503|429,
 * retryAfterSeconds, mode 'http'|'field' }, errorCodeLocation 'message'|'extensions',
 * seed (replaces the default dataset; see seed.js), onRequest(record).
 */
async function startSimulator(options = {}) {
	const sim = new BoomiSpacesSimulator(options);
	await sim._listen();
	return sim;
}

module.exports = {
	startSimulator,
	BoomiSpacesSimulator,
	encodeInstanceId: ids.encodeInstanceId,
	encodeAttachmentId: ids.encodeAttachmentId,
	decodeBase64Unpadded: ids.decodeBase64Unpadded,
	encodeBase64Unpadded: ids.encodeBase64Unpadded,
	decodeInstanceId: ids.decodeInstanceId,
	decodeAttachmentId: ids.decodeAttachmentId,
	encodeProcessSchedulesId: ids.encodeProcessSchedulesId,
	encodeEnvExtensionId: ids.encodeEnvExtensionId,
	encodeMapExtensionId: ids.encodeMapExtensionId,
	stableUuid: ids.stableUuid,
	// From schema.graphql: which root fields are mutations, which need no SPACE_GUID ('# guid: no').
	MUTATION_FIELDS: require('./schema').MUTATION_FIELDS,
	SPACE_EXEMPT: require('./schema').SPACE_EXEMPT,
	GUID_TAGS: require('./schema').GUID_TAGS,
	defaultSeed,
	seedIds: require('./seed').ids,
	schema,
};
